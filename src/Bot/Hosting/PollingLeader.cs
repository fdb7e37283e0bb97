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

    /// <summary>One use of the lock's connection at a time: Npgsql connections are not for concurrent use, and closing one
    /// while the watcher's ping reads from it waited for that read for ever (a test run hung on it).</summary>
    private readonly SemaphoreSlim _use = new(1, 1);
    private NpgsqlConnection? _held;
    private CancellationTokenSource? _watching;
    private Task? _watcher;

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
        if (_watching is { } watching)
        {
            await watching.CancelAsync();
        }

        if (_watcher is { } watcher)
        {
            await watcher.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await ReleaseAsync();
        _watching?.Dispose();
    }

    /// <summary>Closes the lock's connection (the lock goes with the session), once nothing else uses it.</summary>
    private async Task ReleaseAsync()
    {
        await _use.WaitAsync();
        try
        {
            if (_held is { } held)
            {
                _held = null;
                await held.DisposeAsync();
            }
        }
        finally
        {
            _use.Release();
        }
    }

    /// <summary>Checks the lock's connection every few seconds; a broken one ends the leadership.</summary>
    private CancellationToken Watch(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        var watching = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _watching = watching;
        _watcher = Task.Run(async () =>
        {
            try
            {
                while (!watching.IsCancellationRequested)
                {
                    await Task.Delay(RetryEvery, watching.Token);
                    await _use.WaitAsync(watching.Token);
                    try
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(watching.Token);
                    }
                    finally
                    {
                        _use.Release();
                    }
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ObjectDisposedException)
            {
                IsLeader = false;
                LogLost(logger, ex.GetType().Name);
                await ReleaseAsync();
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
