using Antq.Core.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Antq.Bot.Hosting;

/// <summary>
/// Which instance may poll Telegram: the bot token allows one <c>getUpdates</c> consumer, so with several instances on
/// one PostgreSQL exactly one polls, the holder of a session-level advisory lock on a connection of its own. If that
/// instance dies (or loses its database connection) PostgreSQL drops the lock with the session, and a waiting
/// instance takes it within <see cref="RetryEvery"/>. On SQLite there is one instance per database: it always leads.
/// </summary>
public sealed partial class PollingLeader(StorageProvider storage, string connectionString, ILogger<PollingLeader> logger) : IAsyncDisposable
{
    /// <summary>The advisory lock's key: any fixed number the service's other locks do not use ("antq" in ASCII).</summary>
    public const long LockKey = 0x616E7471;

    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    private NpgsqlConnection? _held;

    /// <summary>True while this instance holds the lock (always on SQLite).</summary>
    public bool IsLeader { get; private set; }

    /// <summary>
    /// Waits until this instance leads; the token it returns is cancelled when leadership is lost (the lock's
    /// connection broke), so the poller stops and waits again rather than poll beside the new leader.
    /// </summary>
    public async Task<CancellationToken> LeadAsync(CancellationToken stoppingToken)
    {
        if (storage.IsSqlite)
        {
            IsLeader = true;
            return stoppingToken;
        }

        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", LockKey);
                if (await command.ExecuteScalarAsync(stoppingToken) is true)
                {
                    _held = connection;
                    IsLeader = true;
                    LogLeading(logger);
                    return Watch(connection, stoppingToken);
                }

                await connection.DisposeAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogLockFailed(logger, ex.GetType().Name);
            }

            await Task.Delay(RetryEvery, stoppingToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsLeader = false;
        if (_held is { } held)
        {
            _held = null;
            await held.DisposeAsync();
        }
    }

    /// <summary>Checks the lock's connection every few seconds; a broken one ends the leadership.</summary>
    private CancellationToken Watch(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _ = Task.Run(async () =>
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    await Task.Delay(RetryEvery, stoppingToken);
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ObjectDisposedException)
            {
                IsLeader = false;
                LogLost(logger, ex.GetType().Name);
                await DisposeAsync();
                await lost.CancelAsync();
            }
            catch (OperationCanceledException)
            {
                // Stopping: the lock goes with the connection on dispose.
            }
        }, CancellationToken.None);
        return lost.Token;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance polls Telegram now (it holds the polling lock)")]
    private static partial void LogLeading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask for the polling lock ({Error}); trying again")]
    private static partial void LogLockFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance lost the polling lock ({Error}); it stops polling and waits for the lock again")]
    private static partial void LogLost(ILogger logger, string error);
}
