using Antq.Core.Channels;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Channels.Zalo;

/// <summary>Each Zalo user's last interaction with the OA: Zalo refuses consultation messages 7 days after it.</summary>
public sealed class ZaloActivity(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, TimeProvider time)
{
    public async Task TouchAsync(string chatId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var row = await db.ChatActivity.SingleOrDefaultAsync(a => a.Channel == ZaloChannel.ChannelName && a.ChatId == chatId, cancellationToken);
            if (row is null)
            {
                db.ChatActivity.Add(new ChatActivity { Channel = ZaloChannel.ChannelName, ChatId = chatId, LastInboundAt = now });
            }
            else if (row.LastInboundAt < now)
            {
                row.LastInboundAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>True when the user interacted within Zalo's window, so a message may be sent now.</summary>
    public async Task<bool> WithinWindowAsync(string chatId, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - ZaloChannel.ReplyWindow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatActivity.AnyAsync(a => a.Channel == ZaloChannel.ChannelName && a.ChatId == chatId && a.LastInboundAt > since, cancellationToken);
    }
}
