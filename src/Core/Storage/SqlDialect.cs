namespace Antq.Core.Storage;

/// <summary>
/// Where the hand-written SQL of the two providers must differ, each in one named place, not in a second copy of a
/// feature. The rest of the hand-written SQL is written once for both (see <see cref="Sql"/>). The forms without a
/// provider are SQLite's, for the statements not yet run on PostgreSQL (issue #21).
/// </summary>
public static class SqlDialect
{
    /// <summary>
    /// An expression the planner must not reach through an index: SQLite's unary plus, where an index would be walked
    /// instead of the better one (the lease query, the outbox clean-up). PostgreSQL plans from statistics and will take
    /// the expression bare (a unary plus on a timestamp is an error there).
    /// </summary>
    public static string NotIndexed(string expression) => NotIndexed(DatabaseProvider.Sqlite, expression);

    /// <summary>The same on <paramref name="provider"/>: the expression bare on PostgreSQL.</summary>
    public static string NotIndexed(DatabaseProvider provider, string expression) => provider == DatabaseProvider.Sqlite ? "+" + expression : expression;

    /// <summary>
    /// The local year in Vietnam of a UTC time column (UTC+7, no daylight saving since 1975): SQLite has no time zones
    /// and stores times as text, so seven hours are added; PostgreSQL will use <c>EXTRACT(YEAR FROM … AT TIME ZONE …)</c>.
    /// </summary>
    public static string LocalYear(string column) => LocalYear(DatabaseProvider.Sqlite, column);

    /// <summary>The local year in Vietnam of a UTC time column on <paramref name="provider"/>.</summary>
    public static string LocalYear(DatabaseProvider provider, string column) => provider == DatabaseProvider.Postgres
        ? $"EXTRACT(YEAR FROM {column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer"
        : $"CAST(strftime('%Y', {column}, '+7 hours') AS INTEGER)";
}
