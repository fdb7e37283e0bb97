using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Antq.Core.Storage;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file in the background. SQLite would otherwise do it
/// inside whichever commit crosses 1,000 pages — inside the single writer's turn, stalling every chat behind it.
/// A passive checkpoint runs beside the writer; only when the log has grown large anyway (readers kept it from
/// being reused) does a restart checkpoint take the writer's turn for a moment, so the file does not grow without end.
/// </summary>
public sealed partial class WalCheckpointer(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private const long RestartAbovePages = 16_384;

    /// <summary>Runs one checkpoint; returns the pages in the log before it.</summary>
    public async Task<long> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.GetDbConnection() is not SqliteConnection connection || connection.DataSource is "" or ":memory:")
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var (_, logPages, _) = await RunAsync(connection, "PASSIVE", cancellationToken);
        if (logPages > RestartAbovePages)
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                await RunAsync(connection, "RESTART", cancellationToken);
            }
        }

        return logPages;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static async Task<(long Busy, long LogPages, long Copied)> RunAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : (0, 0, 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WAL checkpoint failed; trying again in a second")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
