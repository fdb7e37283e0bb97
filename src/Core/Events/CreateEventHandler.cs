using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Microsoft.Extensions.Options;

namespace Antq.Core.Events;

/// <summary>Applies <see cref="CreateEvent"/> in the engine's transaction.</summary>
public sealed class CreateEventHandler(TextCatalog texts, AreaTree areas, IOptions<DeliveryOptions> deliveryOptions) : IChangeHandler<CreateEvent>
{
    public async Task ApplyAsync(CreateEvent change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null || change.Draft.WardId is null || !officer.Covers(change.Draft.WardId))
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.not_allowed"));
            return;
        }

        var festival = new FestivalEvent
        {
            OfficerId = officer.Id,
            Title = change.Draft.Title!,
            Description = change.Draft.Description!,
            WardId = change.Draft.WardId,
            Place = change.Draft.Place!,
            StartsAt = change.Draft.StartsAt!.Value,
            EndsAt = change.Draft.EndsAt!.Value,
            ReminderMinutes = EventReminders.Text((change.Draft.Reminders ?? EventReminders.Default).Where(EventReminders.Offered.Contains)),
            CreatedAt = context.Now,
        };
        context.Db.Events.Add(festival);
        await context.Db.SaveChangesAsync(cancellationToken);

        var ward = areas.FindWard(festival.WardId)!;
        var wardLabel = texts.Get(Languages.Default, ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name);
        var announcement = EventFlow.Announcement((key, args) => texts.Get(Languages.Default, key, args), festival.Id, change.Draft, wardLabel);
        var delivery = deliveryOptions.Value;
        var notBefore = QuietHours.TryParse(delivery.QuietHours, out var quiet) && quiet is not null ? quiet.NextAllowed(context.Now) : context.Now;
        var count = await BroadcastAudience.ExpandAsync(context.Turn, announcement, Topics.Events, [festival.WardId], null, DeliveryPriority.Broadcast, context.Now, notBefore, cancellationToken);

        // In quiet hours the announcement waits until morning: the officer is told when it goes, not that it went.
        var people = count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        context.Reply(notBefore > context.Now
            ? texts.Get(Languages.Officers, "event.created_quiet", festival.Id, people, LocalTime.Format(notBefore, Languages.Officers))
            : texts.Get(Languages.Officers, "event.created", festival.Id, people));
    }
}
