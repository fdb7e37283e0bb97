using Antq.Core.Channels;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Channels.Zalo;

/// <summary>Each Zalo user's last interaction with the OA: Zalo refuses consultation messages 7 days after it.</summary>
public sealed class ZaloActivity(IDbContextFactory<AntqDb> dbFactory, GroupWriter writer, TimeProvider time)
{
    /// <summary>
    /// Records an interaction now (one upsert, written with the other writes of the moment); a later time is never
    /// moved back (<c>CASE</c>, which both providers have, rather than SQLite's two-argument <c>MAX</c>).
    /// </summary>
    public async Task TouchAsync(string chatId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await writer.WriteAsync(async (scope, ct) =>
        {
            await using var command = scope.Connection.Command(
                scope.Transaction,
                """
                INSERT INTO "chat_activity" ("Channel", "ChatId", "LastInboundAt") VALUES (@channel, @chat, @now)
                ON CONFLICT ("Channel", "ChatId") DO UPDATE SET "LastInboundAt" =
                    CASE WHEN excluded."LastInboundAt" > "chat_activity"."LastInboundAt" THEN excluded."LastInboundAt" ELSE "chat_activity"."LastInboundAt" END
                """)
                .With("@channel", ZaloChannel.ChannelName).With("@chat", chatId).With("@now", now);
            return await command.ExecuteNonQueryAsync(ct);
        });
    }

    /// <summary>True when the user interacted within Zalo's window, so a message may be sent now.</summary>
    public async Task<bool> WithinWindowAsync(string chatId, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - ZaloChannel.ReplyWindow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatActivity.AnyAsync(a => a.Channel == ZaloChannel.ChannelName && a.ChatId == chatId && a.LastInboundAt > since, cancellationToken);
    }
}
