namespace Antq.Core.Storage;

/// <summary>
/// Where the hand-written SQL of the two providers must differ, each in one named place, not in a second copy of a
/// feature. The rest of the hand-written SQL is written once for both (see <see cref="Sql"/>). Each takes the provider it writes for.
/// </summary>
public static class SqlDialect
{
    /// <summary>
    /// An expression the planner must not reach through an index: SQLite's unary plus, where an index would be walked
    /// instead of the better one (the lease query, the outbox clean-up). PostgreSQL plans from statistics and will take
    /// the expression bare (a unary plus on a timestamp is an error there).
    /// </summary>
    public static string NotIndexed(DatabaseProvider provider, string expression) => provider == DatabaseProvider.Sqlite ? "+" + expression : expression;

    /// <summary>
    /// The local year in Vietnam of a UTC time column (UTC+7, no daylight saving since 1975): SQLite has no time zones
    /// and stores times as text, so seven hours are added; PostgreSQL reads Asia/Ho_Chi_Minh.
    /// </summary>
    public static string LocalYear(DatabaseProvider provider, string column) => provider == DatabaseProvider.Postgres
        ? $"EXTRACT(YEAR FROM {column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer"
        : $"CAST(strftime('%Y', {column}, '+7 hours') AS INTEGER)";

    /// <summary>
    /// The end of a lease's inner SELECT: on PostgreSQL, rows another transaction holds are skipped rather than waited
    /// for (two instances never take one row, nor block each other on it); SQLite has one writer and no row locks.
    /// </summary>
    public static string SkipLocked(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? " FOR UPDATE OF o SKIP LOCKED" : "";

    /// <summary>
    /// "Now" for the instances' heartbeats: on PostgreSQL the database server's clock, which every instance reads alike,
    /// so that one machine's clock running ahead never makes a live instance look dead to it; SQLite (one process)
    /// takes the caller's <c>@now</c>.
    /// </summary>
    public static string HeartbeatNow(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "clock_timestamp()" : "@now";

    /// <summary>A lock on <c>@key</c> held until the transaction ends (PostgreSQL only: on SQLite the write gate is the lock).</summary>
    public const string TransactionLock = "SELECT pg_advisory_xact_lock(@key)";

    /// <summary>
    /// The database server's clock, in seconds since 1970 as a double: the one clock every instance sharing a channel's
    /// send slots reads (<c>SharedPace</c>), whatever the clocks of their machines say.
    /// </summary>
    public static string ServerSeconds(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? "EXTRACT(EPOCH FROM clock_timestamp())::double precision"
        : "((julianday('now') - 2440587.5) * 86400.0)";
}
