using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.Extensions.Options;

namespace Antq.Core.Broadcasts;

/// <summary>Applies <see cref="CreateBroadcast"/> in the engine's transaction.</summary>
public sealed class CreateBroadcastHandler(TextCatalog texts, AreaTree areas, IOptions<DeliveryOptions> deliveryOptions) : IChangeHandler<CreateBroadcast>
{
    private static string Language => Languages.Officers;

    public async Task ApplyAsync(CreateBroadcast change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var wards = change.Draft.WholeCity ? [] : change.Draft.Wards;
        if (officer is null || change.Draft.Topic is null || change.Draft.Text is null
            || (officer.Role != OfficerRole.Admin && (wards.Count != 1 || wards[0] != officer.WardId))
            || (change.Draft.Units.Count > 0 && (wards.Count != 1 || change.Draft.Units.Any(u => areas.FindUnit(u)?.WardId != wards[0])))
            || change.Draft.Language is not (null or Languages.Vietnamese or Languages.English))
        {
            // An officer reaches only their own ward; anything else is refused whatever the buttons said.
            context.Reply(texts.Get(Language, "broadcast.not_allowed"));
            return;
        }

        if (change.Draft.PhotoChannel is not null && !await PhotoIsTheirsAsync(change.Draft, officer.Id, context, cancellationToken))
        {
            context.Reply(texts.Get(Language, "broadcast.photo_not_yours"));
            return;
        }

        var broadcast = new Broadcast
        {
            OfficerId = officer.Id,
            Text = change.Draft.Text,
            PhotoFileId = change.Draft.PhotoFileId,
            PhotoChannel = change.Draft.PhotoFileId is null ? null : change.Draft.PhotoChannel ?? context.Input.Channel,
            Topic = change.Draft.Topic.Value,
            WardIds = wards.Count == 0 ? null : string.Join(',', wards),
            UnitIds = change.Draft.Units.Count == 0 ? null : string.Join(',', change.Draft.Units),
            Language = change.Draft.Language,
            ScheduledFor = change.Draft.At ?? context.Now,
            Recurrence = change.Draft.At is null ? Recurrence.None : change.Draft.Recurrence,
            Weekdays = change.Draft.At is not null && change.Draft.Recurrence == Recurrence.Weekly ? change.Draft.Weekdays : 0,
            FirstAt = change.Draft.At is not null && change.Draft.Recurrence != Recurrence.None ? change.Draft.At : null,
            Status = BroadcastStatus.Scheduled,
            CreatedAt = context.Now,
        };
        context.Db.Broadcasts.Add(broadcast);
        await context.Db.SaveChangesAsync(cancellationToken);
        if (change.Draft.At is { } at)
        {
            context.Reply(texts.Get(Language, "broadcast.scheduled", broadcast.Id, LocalTime.Format(at, Language)));
            return;
        }

        var (count, notBefore) = await BroadcastClock.StartAsync(context.Turn, broadcast, deliveryOptions.Value, context.Now, cancellationToken);
        var started = texts.Get(Language, notBefore > context.Now ? "broadcast.started_quiet" : "broadcast.started", broadcast.Id, count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), LocalTime.Format(notBefore, Language));
        await BroadcastProgress.StartAsync(context.Turn, broadcast, started, context.Now, cancellationToken);
    }

    /// <summary>
    /// A photo named by another channel than the officer's own can only be one they uploaded in the console: never
    /// another officer's, a made-up id, or a resident's file on some channel (which would go out under the ward's name).
    /// </summary>
    private static Task<bool> PhotoIsTheirsAsync(BroadcastDraft draft, long officerId, ChangeContext context, CancellationToken cancellationToken) =>
        draft.PhotoChannel == ConsolePhotoFiles.ChannelName
            ? ConsolePhotoFiles.IsOwnedAsync(context.Db, draft.PhotoFileId, officerId, cancellationToken)
            : Task.FromResult(false);
}
