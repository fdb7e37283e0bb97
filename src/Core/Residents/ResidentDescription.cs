using Antq.Core.Conversations;
using Antq.Core.Residents.Steps;
using Antq.Core.Locale;

namespace Antq.Core.Residents;

/// <summary>How a resident's stored details read back to them.</summary>
public static class ResidentDescription
{
    public static string Area(FlowContext context, Resident resident)
    {
        var ward = context.Areas.FindWard(resident.WardId ?? "");
        var unit = context.Areas.FindUnit(resident.UnitId ?? "");
        return ward is null ? context.T("privacy.none") : unit is null ? AreaStep.WardLabel(context, ward) : $"{unit.Name}, {AreaStep.WardLabel(context, ward)}";
    }

    /// <summary>A channel as people call it ("Trò chuyện trên web", not "webchat"); an unknown one as it is stored.</summary>
    public static string ChannelName(FlowContext context, string channel) =>
        channel is "telegram" or "zalo" or "webchat" ? context.T("privacy.channel_" + channel) : channel;

    /// <summary>/privacy: everything stored about the resident, and how to erase it.</summary>
    public static OutgoingMessage Privacy(FlowContext context)
    {
        var r = context.Resident;
        if (r is null)
        {
            return context.Say("privacy.nothing");
        }

        if (!r.HasConsented)
        {
            return context.Say("privacy.refusal_only", LocalTime.Format(r.ConsentRefusedAt ?? r.CreatedAt, context.Language));
        }

        return context.Say(
            "privacy.stored",
            ChannelName(context, r.Channel),
            context.T("language.name"),
            Area(context, r),
            TopicsStep.Describe(context, r.Topics),
            LocalTime.Format(r.ConsentedAt!.Value, context.Language),
            context.MessagesKeptDays);
    }
}
