using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Channels;

/// <summary>Reads and renews <see cref="ChannelSession"/> rows; a renewal goes through the single writer like every write.</summary>
public static class ChannelSessionStore
{
    private static readonly CompiledQuery<string, string, string?> Current =
        new((db, channel, chatId, _) => db.ChannelSessions.AsNoTracking().Where(s => s.Channel == channel && s.ChatId == chatId).Select(s => s.CurrentHash).SingleOrDefault());

    /// <summary>The hash of the chat's one valid session value, or null when it was never renewed.</summary>
    public static Task<string?> CurrentHashAsync(AntqDb db, string channel, string chatId, CancellationToken cancellationToken) =>
        Current.RunAsync(db, channel, chatId, cancellationToken);

    /// <summary>
    /// Makes <paramref name="hash"/> the one valid value, if the chat's current one is still <paramref name="previous"/>
    /// (null: never renewed); false when another renewal got there first.
    /// </summary>
    public static Task<bool> RenewAsync(GroupWriter writer, string channel, string chatId, string? previous, string hash, int stage, DateTime now) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            var upsert = scope.Statement(
                """
                INSERT INTO "channel_sessions" ("Channel", "ChatId", "CurrentHash", "Stage", "RenewedAt") VALUES (@channel, @chat, @hash, @stage, @at)
                ON CONFLICT ("Channel", "ChatId") DO UPDATE SET "CurrentHash" = excluded."CurrentHash", "Stage" = excluded."Stage", "RenewedAt" = excluded."RenewedAt"
                WHERE "channel_sessions"."CurrentHash" = @previous
                """);
            upsert.Set("@channel", channel).Set("@chat", chatId).Set("@hash", hash).Set("@stage", stage).Set("@at", now).Set("@previous", previous ?? "");
            return await upsert.ExecuteNonQueryAsync(ct) > 0;
        });
}
