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
}
