using System.Data.Common;
using Antq.Core.Storage;
using Npgsql;

namespace Antq.Core.Inbox;

/// <summary>
/// One chat's turn among several instances on one PostgreSQL: a session-level advisory lock keyed by a 64-bit hash of
/// channel and chat, taken on the connection the turn reads with and given back when the turn is committed. Whoever
/// holds it handles the chat's unhandled rows oldest first, whichever instance received them, so one chat is handled
/// by one instance at a time and in the order its updates were stored.
/// </summary>
/// <remarks>
/// Session-level rather than transaction-level: the turn reads on this connection but commits through the instance's
/// group writer on another, so there is no transaction here to tie the lock to, and none is kept open idle while the
/// writer works. A process that dies loses its session and the lock with it; a connection that cannot say
/// <c>pg_advisory_unlock</c> is broken, and its session (and lock) ends with it.
/// </remarks>
public sealed class ChatLock : IAsyncDisposable
{
    // hashtextextended: the server's own stable 64-bit hash, the same on every instance (.NET's string hash is not).
    private const string Key = """hashtextextended(@channel || ':' || @chat, 0)""";
    private readonly DbConnection _connection;
    private readonly string _channel;
    private readonly string _chatId;
    private bool _held;

    private ChatLock(DbConnection connection, string channel, string chatId)
    {
        _connection = connection;
        _channel = channel;
        _chatId = chatId;
    }

    /// <summary>Waits for the chat's lock on <paramref name="connection"/> (open, no transaction); cancelling stops the wait.</summary>
    public static async Task<ChatLock> TakeAsync(DbConnection connection, string channel, string chatId, CancellationToken cancellationToken)
    {
        var held = new ChatLock(connection, channel, chatId);
        await using var command = connection.Command(null, $"SELECT pg_advisory_lock({Key})").With("@channel", channel).With("@chat", chatId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        held._held = true;
        return held;
    }

    /// <summary>The chat's rows not handled yet, up to and including <paramref name="upTo"/>, oldest first.</summary>
    public async Task<IReadOnlyList<long>> UnhandledUpToAsync(long upTo, CancellationToken cancellationToken)
    {
        await using var command = _connection.Command(
                null,
                """SELECT "Id" FROM "inbox" WHERE "Channel" = @channel AND "ChatId" = @chat AND "HandledAt" IS NULL AND "Id" <= @upTo ORDER BY "Id" """)
            .With("@channel", _channel).With("@chat", _chatId).With("@upTo", upTo);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_held)
        {
            return;
        }

        _held = false;
        try
        {
            await using var command = _connection.Command(null, $"SELECT pg_advisory_unlock({Key})").With("@channel", _channel).With("@chat", _chatId);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The session is broken, and its locks end with it; never hand a pooled connection back that might still hold one.
            if (_connection is NpgsqlConnection npgsql)
            {
                NpgsqlConnection.ClearPool(npgsql);
            }
        }
    }
}
