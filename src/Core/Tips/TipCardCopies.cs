using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>
/// Every copy of a tip's card follows the tip. The card goes to each officer of the ward, each admin and the officers'
/// group chat; when one of them moves the tip on, the others' copies are edited in place to the tip's new state (its
/// status, who has it, the buttons that still apply), so nobody acts on a card that is out of date.
/// </summary>
/// <remarks>
/// No table links a tip to its copies: a copy is the chat's outbox row of kind <see cref="OutboxKind.Tip"/> that keeps
/// its channel message id (<see cref="OutgoingMessage.KeepsMessageId"/>, set on cards only) and carries the tip's
/// "reply" button, which every card has. Found per officer chat on the outbox's (channel, chat) index; a copy past
/// <see cref="DeliveryOptions.KeepDays"/> is gone with its row and stays as it was.
/// </remarks>
public sealed class TipCardCopies(IEnumerable<IChannelSender> senders, TextCatalog texts, TipMessaging messaging)
{
    private readonly Dictionary<string, ChannelCapabilities> _capabilities = senders.ToDictionary(s => s.Channel, s => s.Capabilities);

    /// <summary>The rendered card (its first message) marked as one to follow: its channel id is kept once sent.</summary>
    public static IReadOnlyList<OutgoingMessage> Followed(IReadOnlyList<OutgoingMessage> rendered) =>
        rendered.Count == 0 ? rendered : [rendered[0] with { KeepsMessageId = true }, .. rendered.Skip(1)];

    /// <summary>
    /// Brings every officer's copy of <paramref name="tip"/>'s card to <paramref name="current"/>: a sent copy is edited
    /// in place, one still queued is sent as the current card instead, one on its way is followed by the current card.
    /// A channel that cannot edit a sent message (Zalo) gets one short line saying what changed, with a button to open
    /// the tip; that button also replaces the stale card's choices Zalo would otherwise still take.
    /// </summary>
    /// <param name="state">The tip's status and who has it, for the short line.</param>
    /// <param name="replaced">The copy in the acting officer's chat that their answer already edits.</param>
    /// <param name="told">Chats that get the new state anyway (the acting officer, an assignee): no short line for them.</param>
    public async Task FollowAsync(ChangeContext context, Tip tip, OutgoingMessage current, string state, string? replaced, IReadOnlyCollection<(string Channel, string ChatId)> told, CancellationToken cancellationToken)
    {
        var marker = "\"" + TipActionButton.For(TipAction.Reply, tip.Code).Data + "\"";
        foreach (var (channel, chatId) in await messaging.OfficerChatsAsync(context, tip.WardId, cancellationToken))
        {
            var rows = await context.Db.Outbox.AsNoTracking()
                .Where(o => o.Channel == channel && o.ChatId == chatId && o.Kind == OutboxKind.Tip && o.Payload.Contains(marker)
                    && (o.Status == DeliveryStatus.Queued || o.Status == DeliveryStatus.InFlight || (o.Status == DeliveryStatus.Sent && o.ChannelMessageId != null)))
                .OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.Status, o.ChannelMessageId, o.Payload })
                .ToListAsync(cancellationToken);
            var copies = rows.Select(r => (r.Id, r.Status, r.ChannelMessageId, Message: OutboxWriter.Read(new OutboxMessage { Id = r.Id, Channel = channel, ChatId = chatId, Payload = r.Payload })))
                .Where(c => c.Message.KeepsMessageId).ToList();
            if (copies.Count == 0)
            {
                continue;
            }

            var own = channel == context.Input.Channel && chatId == context.Input.ChatId;
            var edited = new HashSet<string>(StringComparer.Ordinal);
            if (own && replaced is not null)
            {
                edited.Add(replaced);
            }

            var follow = await UnsentAsync(context, copies.Where(c => c.Status != DeliveryStatus.Sent).Select(c => (c.Id, c.Status, c.Message)), current, edited, cancellationToken);
            var sent = copies.Where(c => c.Status == DeliveryStatus.Sent).Select(c => c.ChannelMessageId!).Distinct().ToList();
            if (!CanEdit(channel))
            {
                if (!told.Contains((channel, chatId)) && (sent.Count > 0 || follow))
                {
                    context.Send(channel, chatId, [ShortLine(tip, state)], DeliveryPriority.Reply, OutboxKind.Tip);
                }

                continue;
            }

            var messages = sent.Where(edited.Add).Select(id => current with { ReplacesMessageId = id, KeepsMessageId = true }).ToList();
            if (follow)
            {
                messages.Add(current with { ReplacesMessageId = null, KeepsMessageId = true });
            }

            context.Send(channel, chatId, messages, DeliveryPriority.Reply, OutboxKind.Tip);
        }
    }

    /// <summary>
    /// Copies not sent yet go out as the tip is now: a queued one is rewritten (an edit stays an edit of the same message,
    /// which is then <paramref name="edited"/>). Returns true when a new card is on its way with the old state, so the
    /// current card must follow it (a chat's messages go in order).
    /// </summary>
    private static async Task<bool> UnsentAsync(ChangeContext context, IEnumerable<(long Id, DeliveryStatus Status, OutgoingMessage Message)> unsent, OutgoingMessage current, HashSet<string> edited, CancellationToken cancellationToken)
    {
        var follow = false;
        foreach (var (id, status, message) in unsent)
        {
            var payload = OutboxWriter.Payload(current with { ReplacesMessageId = message.ReplacesMessageId, KeepsMessageId = true });
            var rewritten = status == DeliveryStatus.Queued && await context.Db.Outbox
                .Where(o => o.Id == id && o.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Payload, payload), cancellationToken) == 1;
            if (rewritten && message.ReplacesMessageId is { } replaces)
            {
                edited.Add(replaces);
            }

            follow |= !rewritten && message.ReplacesMessageId is null;
        }

        return follow;
    }

    private bool CanEdit(string channel) => !_capabilities.TryGetValue(channel, out var capabilities) || capabilities.CanEdit;

    private OutgoingMessage ShortLine(Tip tip, string state) => new()
    {
        Text = texts.Get(Languages.Officers, "officer.card_moved_on", TrackingCode.Display(tip.Code), state),
        Buttons = [[new Button(texts.Get(Languages.Officers, "officer.act_open"), TipActionButton.For(TipAction.Open, tip.Code).Data)]],
    };
}
