using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// A visitor's button choice as their own bubble in the history ("Tiếng Việt", "Gửi ẩn danh"), so that a reloaded
/// transcript reads as a conversation. Only the pressed button's label is kept (a text the bot wrote, not what the
/// visitor typed), on an outbox row of the visitor's chat: it goes with the chat's other rows (retention, erasure).
/// </summary>
public sealed class WebChatEchoes(IDbContextFactory<AntqDb> dbFactory)
{
    // How far back a keyboard's latest version is looked for (a topic list toggled many times is still found).
    private const int Lookback = 100;

    /// <summary>The label of the button with <paramref name="data"/> on the latest version of message <paramref name="messageId"/>, if any.</summary>
    public async Task<string?> LabelAsync(string chatId, long messageId, string data, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Outbox.AsNoTracking()
            .Where(o => o.Channel == WebChatChannel.ChannelName && o.ChatId == chatId && o.Id >= messageId && o.Status == DeliveryStatus.Sent && o.Kind != OutboxKind.Echo)
            .OrderByDescending(o => o.Id).Take(Lookback).ToListAsync(cancellationToken);
        var id = messageId.ToString(CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            var message = OutboxWriter.Read(row);
            if (row.Id == messageId || message.ReplacesMessageId == id)
            {
                return message.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Data == data)?.Label;
            }
        }

        return null;
    }

    /// <summary>
    /// Writes the echo as a row already sent (the dispatcher never picks it up), once the press is stored and before it
    /// is handed to the engine: it sorts between the keyboard and the answer. The keyboard's id is kept
    /// in <see cref="OutboxMessage.ChannelMessageId"/>, so a press that only edits its keyboard (a toggle, the next
    /// page) is not shown as a bubble.
    /// </summary>
    public static Task WriteAsync(WriteScope scope, string chatId, long messageId, string label, DateTime now, CancellationToken cancellationToken) =>
        OutboxWriter.WriteSentAsync(
            scope, WebChatChannel.ChannelName, chatId, new OutgoingMessage { Text = label }, DeliveryPriority.Reply, OutboxKind.Echo,
            messageId.ToString(CultureInfo.InvariantCulture), now, cancellationToken);
}
