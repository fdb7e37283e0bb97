using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tests.Storage;

/// <summary>Parameters on a SQLite file.</summary>
public sealed class SqliteSqlTests() : SqlTests(DatabaseProvider.Sqlite);

/// <summary>Parameters on the tests' PostgreSQL server.</summary>
public sealed class PostgresSqlTests() : SqlTests(DatabaseProvider.Postgres);

/// <summary>The one way hand-written SQL takes values: bound as named parameters, never written into the text.</summary>
public abstract class SqlTests(DatabaseProvider provider) : DatabaseTests(provider)
{
    [Fact]
    public async Task A_value_shaped_like_sql_is_stored_as_it_was_written_not_run()
    {
        const string Hostile = "x', '2026-01-01'); DELETE FROM \"chat_activity\"; --";
        await using var db = await Contexts.CreateDbContextAsync();
        foreach (var chat in new[] { "kept", Hostile, "other" })
        {
            await db.Database.ExecuteAsync(
                """INSERT INTO "chat_activity" ("Channel", "ChatId", "LastInboundAt") VALUES (@channel, @chat, @at)""",
                new SqlParameters { ["@channel"] = "telegram", ["@chat"] = chat, ["@at"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) },
                CancellationToken.None);
        }

        var among = new SqlParameters { ["@channel"] = "telegram" };
        var list = among.List("chat", new[] { "kept", Hostile });
        var stored = await db.Database.Query<string>($"""SELECT "ChatId" AS "Value" FROM "chat_activity" WHERE "Channel" = @channel AND "ChatId" IN ({list})""", among).ToListAsync();

        Assert.Equal(new[] { Hostile, "kept" }.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal(3, await db.ChatActivity.CountAsync());
    }
}
