using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Tips;

/// <summary>
/// A tip as officers see it: code, category, place, time, text, status and the action buttons; media follow as
/// copies (a photo by file id on its own channel, anything else uploaded under a neutral name such as
/// "tep-dinh-kem-1.pdf"). Nothing in it names the tipster unless they chose to give a name.
/// </summary>
public sealed class TipCard(TipCatalog catalog, AreaTree areas, TextCatalog texts)
{
    public IReadOnlyList<OutgoingMessage> Render(Tip tip, string headKey = "officer.card_new", string? assignee = null)
    {
        var card = new OutgoingMessage { Text = Describe(tip, headKey, assignee), Buttons = Actions(tip) };
        return [card, .. tip.Attachments.OrderBy(a => a.Id).Select((a, i) => new OutgoingMessage
        {
            Text = T("officer.card_media", TrackingCode.Display(tip.Code)),
            Media = new MediaRef(a.Kind, a.FileId, AttachmentName.For(i + 1, a.Kind, a.MimeType), Channel: a.Channel),
        })];
    }

    /// <param name="assignee">The name of the officer who took the tip, shown beside its status.</param>
    public string Describe(Tip tip, string headKey = "officer.card_new", string? assignee = null)
    {
        var status = State(tip, assignee);
        var place = new List<string>();
        if (tip.PlaceText is { } text)
        {
            place.Add(text);
        }

        if (areas.FindUnit(tip.UnitId ?? "") is { } unit)
        {
            place.Add(unit.Name);
        }

        if (areas.FindWard(tip.WardId) is { } ward)
        {
            place.Add(T(ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name));
        }

        if (tip.Latitude is { } lat && tip.Longitude is { } lon)
        {
            var la = lat.ToString("0.00000", CultureInfo.InvariantCulture);
            var lo = lon.ToString("0.00000", CultureInfo.InvariantCulture);
            place.Add($"https://maps.google.com/?q={la},{lo}");
        }

        var when = tip.OccurredWhen switch
        {
            "now" => T("tip.when_now"),
            "today" => T("tip.when_today"),
            var date => DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date,
        };
        var who = tip.Anonymous ? T("officer.card_anonymous") : T("officer.card_named", tip.ReporterName ?? "");
        if (tip.Kind == TipKind.Question)
        {
            var head = headKey == "officer.card_new" ? T("officer.question_new", TrackingCode.Display(tip.Code)) : T("officer.question", TrackingCode.Display(tip.Code));
            return head + "\n\n" + T("officer.question_body", Locale.TextList.Place(place), who, status, tip.Description, Locale.LocalTime.Format(tip.CreatedAt, Languages.Officers));
        }

        return T(
            headKey,
            TrackingCode.Display(tip.Code),
            catalog.Find(tip.CategoryId)?.Name(Languages.Officers) ?? tip.CategoryId,
            Locale.TextList.Place(place),
            when,
            who,
            status,
            tip.Attachments.Count,
            tip.Description,
            Locale.LocalTime.Format(tip.CreatedAt, Languages.Officers));
    }

    /// <summary>The tip's status and, once someone has it, who: "Đang xử lý — Trung úy Hà nhận xử lý".</summary>
    public string State(Tip tip, string? assignee) =>
        StatusName(tip.Status, Languages.Officers) + (assignee is null ? "" : T("officer.card_assignee", assignee));

    public string StatusName(TipStatus status, string language) => texts.Get(language, "tip.status_" + status.ToString().ToLowerInvariant());

    public IReadOnlyList<IReadOnlyList<Button>> Actions(Tip tip)
    {
        Button Act(string label, TipAction action) => new(T(label), TipActionButton.For(action, tip.Code).Data);
        if (tip.Status == TipStatus.Closed || tip.Kind == TipKind.Question)
        {
            return tip.Status == TipStatus.Closed
                ? [[Act("officer.act_reply", TipAction.Reply)]]
                : [[Act("officer.act_reply", TipAction.Reply), Act("officer.act_close", TipAction.Close)]];
        }

        // Once someone has the tip, nobody is offered to take it: a copy of the card still offering it is out of date.
        IReadOnlyList<Button> first = tip.AssignedOfficerId is null
            ? [Act("officer.act_take", TipAction.Take), Act("officer.act_reply", TipAction.Reply)]
            : [Act("officer.act_reply", TipAction.Reply)];
        return
        [
            first,
            [Act("officer.act_verify", TipAction.Verify), Act("officer.act_useless", TipAction.Useless)],
            [Act("officer.act_spam", TipAction.Spam), Act("officer.act_close", TipAction.Close)],
        ];
    }

    private string T(string key, params object?[] args) => texts.Get(Languages.Officers, key, args);
}
