using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Antq.Core.Storage;

/// <summary>
/// Group commit: units of work that arrive while one transaction is being written are written together in the
/// next one, each inside a savepoint of its own (a failing unit rolls back alone and its caller gets the error;
/// the others commit). SQLite has one writer, and a commit costs about as much as the statements before it, so
/// this is how many chats' turns share the single writer without each paying for a transaction of its own.
/// </summary>
/// <remarks>
/// Units run one after the other, in arrival order, on one connection: a unit sees what the units before it in
/// the same batch wrote. A caller's unit is done (committed) when its task completes.
/// Several lanes may each write their own groups on their own connection at the same time (PostgreSQL only, as several
/// instances do); a unit that a lock deadlock against another lane's group chose as its victim is rolled back to its
/// savepoint and run again. The service runs one everywhere: measured on PostgreSQL with four (one instance), 165
/// updates/s (webhook) and ~115/s (polling warm-up) against 366–408 with one, each unit held 10 ms instead of 2.4 — most
/// likely the lanes' groups waiting on each other's row locks on hot rows (the running tallies) held to each commit.
/// </remarks>
public sealed partial class GroupWriter(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, ILogger<GroupWriter> logger, int lanes = 1) : IAsyncDisposable
{
    private const int MaxBatch = 128;

    /// <summary>Times a unit chosen as a deadlock's victim is run again before its caller gets the error.</summary>
    private const int DeadlockRetries = 3;

    /// <summary>The writer's page cache (KiB): it keeps one connection, so the pages it wrote stay cached between groups.</summary>
    private const int CacheKib = 16 * 1024;
    private readonly Channel<Unit> _units = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = lanes == 1 });
    private readonly Lock _startLock = new();
    private readonly ConcurrentDictionary<(string File, string Member), UnitTime> _byOrigin = new();
    private long _commitTicks;
    private long _commits;
    private Task? _loop;

    /// <summary>
    /// Where the writer's time went since start: each kind of unit (by origin) with how many ran and their time inside
    /// the transaction, and the commits. What is left of the write gate's held time is savepoints and the begin.
    /// </summary>
    public WriterBreakdown Breakdown() => new(
        _byOrigin.Select(o => new WriterUnitTime(WriteGate.HolderName(o.Key.File, o.Key.Member), o.Value.Count, o.Value.Seconds)).OrderByDescending(o => o.Seconds).ToList(),
        Interlocked.Read(ref _commits),
        (double)Interlocked.Read(ref _commitTicks) / Stopwatch.Frequency);

    /// <summary>Runs <paramref name="work"/> in the next group transaction and returns its result once committed.</summary>
    public Task<T> WriteAsync<T>(Func<WriteScope, CancellationToken, Task<T>> work, [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        var unit = new Unit<T>(work, file, member);
        if (_loop is null)
        {
            lock (_startLock)
            {
                _loop ??= Task.WhenAll(Enumerable.Range(0, Math.Max(1, lanes)).Select(_ => Task.Run(() => RunAsync(new Lane()))));
            }
        }

        if (!_units.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(GroupWriter), "The service is stopping: nothing more is written.");
        }

        return unit.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _units.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunAsync(Lane lane)
    {
        var reader = _units.Reader;
        var batch = new List<Unit>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var unit))
            {
                batch.Add(unit);
            }

            try
            {
                await WriteBatchAsync(batch, lane);
            }
            catch (Exception ex)
            {
                // Opening the connection or the transaction failed: nobody in the batch was written. The next group
                // starts on a fresh connection.
                LogBatchFailed(logger, ex, batch.Count);
                foreach (var unit in batch)
                {
                    unit.Fail(ex);
                }

                if (lane.Db is { } broken)
                {
                    lane.Db = null;
                    await ForgetStatementsAsync(lane);
                    await broken.DisposeAsync();
                }
            }

            batch.Clear();
        }

        if (lane.Db is not null)
        {
            await ForgetStatementsAsync(lane);
            await lane.Db.DisposeAsync();
        }
    }

    /// <summary>The kept statements belong to the connection: they go with it.</summary>
    private static async Task ForgetStatementsAsync(Lane lane)
    {
        foreach (var statement in lane.Statements.Values)
        {
            await statement.DisposeAsync();
        }

        lane.Statements.Clear();
    }

    /// <summary>
    /// One context on one connection for the writer's whole life: SQLite empties a connection's page cache whenever
    /// another connection wrote since its last transaction, so a writer taking whichever pooled connection comes would
    /// read every page again from the file; this one finds in its cache what it wrote last.
    /// </summary>
    private async Task<AntqDb> WriterAsync(Lane lane)
    {
        if (lane.Db is not null)
        {
            return lane.Db;
        }

        var db = await dbFactory.CreateDbContextAsync();

        // Every unit has a savepoint of its own already (a group of one needs none: it fails whole).
        db.Database.AutoSavepointsEnabled = false;
        await db.Database.OpenConnectionAsync();
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection connection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA cache_size=-{CacheKib}";
            await command.ExecuteNonQueryAsync();
        }

        return lane.Db = db;
    }

    private async Task WriteBatchAsync(List<Unit> batch, Lane lane)
    {
        var db = await WriterAsync(lane);
        var connection = db.Database.GetDbConnection();
        var written = new List<Unit>(batch.Count);
        using (await writeGate.EnterAsync(CancellationToken.None))
        {
            var entered = Stopwatch.GetTimestamp();
            var (slowest, slowestTicks) = (-1, 0L);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var scope = new WriteScope(db, connection, transaction.GetDbTransaction(), lane.Statements);

            // Each unit in a savepoint of the same name, one after the other: three statements kept with the connection.
            var save = scope.Statement("SAVEPOINT unit");
            var release = scope.Statement("RELEASE unit");
            var rollback = scope.Statement("ROLLBACK TO unit");
            // With other lanes writing at the same time, even a group of one has its savepoint, to run again after a deadlock.
            var saved = batch.Count > 1 || lanes > 1;
            for (var i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                if (saved)
                {
                    await save.ExecuteNonQueryAsync();
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await unit.RunAsync(scope);
                            break;
                        }
                        catch (Exception ex) when (saved && attempt <= DeadlockRetries && IsDeadlock(ex))
                        {
                            // The victim's locks taken since the savepoint go with it, so the other group goes on and
                            // this unit, run again, waits for it instead.
                            await rollback.ExecuteNonQueryAsync();
                            db.ChangeTracker.Clear();
                            LogDeadlockRetried(logger, unit.Origin, attempt);
                        }
                    }

                    if (saved)
                    {
                        await release.ExecuteNonQueryAsync();
                    }

                    written.Add(unit);
                }
                catch (Exception ex) when (saved)
                {
                    await rollback.ExecuteNonQueryAsync();
                    await release.ExecuteNonQueryAsync();
                    unit.Fail(ex);
                }
                catch (Exception ex)
                {
                    unit.Fail(ex);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                    var took = Stopwatch.GetTimestamp() - started;
                    _byOrigin.GetOrAdd(unit.Key, static _ => new UnitTime()).Add(took);
                    if (took > slowestTicks)
                    {
                        (slowest, slowestTicks) = (i, took);
                    }
                }
            }

            var committing = Stopwatch.GetTimestamp();
            try
            {
                if (written.Count > 0)
                {
                    await transaction.CommitAsync();
                    Interlocked.Add(ref _commitTicks, Stopwatch.GetTimestamp() - committing);
                    Interlocked.Increment(ref _commits);
                }
            }
            catch (Exception ex)
            {
                foreach (var unit in written)
                {
                    unit.Fail(ex);
                }

                return;
            }

            // Every chat waits behind a long hold: say what it was made of (counts and times only).
            if (Stopwatch.GetElapsedTime(entered) is var held && held > WriteGate.LongHold)
            {
                LogLongBatch(logger, held.TotalMilliseconds, batch.Count, batch[slowest].Origin, Stopwatch.GetElapsedTime(0, slowestTicks).TotalMilliseconds, Stopwatch.GetElapsedTime(committing).TotalMilliseconds);
            }
        }

        foreach (var unit in written)
        {
            unit.Complete();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group write held the database for {HeldMs:0} ms: {Units} unit(s), the slowest ({Slowest}) {SlowestMs:0} ms, the commit {CommitMs:0} ms")]
    private static partial void LogLongBatch(ILogger logger, double heldMs, int units, string slowest, double slowestMs, double commitMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "A unit ({Origin}) was a deadlock's victim against another lane; run again (attempt {Attempt})")]
    private static partial void LogDeadlockRetried(ILogger logger, string origin, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A group of {Count} write(s) could not start; each caller gets the error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    /// <summary>PostgreSQL's deadlock_detected, however EF Core wrapped it.</summary>
    private static bool IsDeadlock(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40P01" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lane's connection (one context for its whole life) and the statements prepared on it.</summary>
    private sealed class Lane
    {
        public AntqDb? Db { get; set; }

        public Dictionary<string, DbCommand> Statements { get; } = new(StringComparer.Ordinal);
    }

    private abstract class Unit(string file, string member)
    {
        /// <summary>Where the unit was written from (type and method), for the long-hold log.</summary>
        public string Origin => WriteGate.HolderName(file, member);

        public (string File, string Member) Key => (file, member);

        public abstract Task RunAsync(WriteScope scope);

        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    /// <summary>The lanes add; readers see a count and a time that may be one unit apart.</summary>
    private sealed class UnitTime
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);

        public double Seconds => (double)Interlocked.Read(ref _ticks) / Stopwatch.Frequency;

        public void Add(long ticks)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, ticks);
        }
    }

    private sealed class Unit<T>(Func<WriteScope, CancellationToken, Task<T>> work, string file, string member) : Unit(file, member)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public override async Task RunAsync(WriteScope scope) => _result = await work(scope, CancellationToken.None);

        public override void Complete() => _done.TrySetResult(_result!);

        public override void Fail(Exception error) => _done.TrySetException(error);
    }
}
