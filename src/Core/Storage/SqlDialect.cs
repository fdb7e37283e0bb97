namespace Antq.Core.Storage;

/// <summary>
/// Where the hand-written SQL of the two providers must differ, each in one named place: today the SQLite forms, the
/// only provider; PostgreSQL's forms go beside them (issue #21), not into a second copy of a feature. The rest of the
/// hand-written SQL is written once for both (see <see cref="Sql"/>).
/// </summary>
public static class SqlDialect
{
    /// <summary>
    /// An expression the planner must not reach through an index: SQLite's unary plus, where an index would be walked
    /// instead of the better one (the lease query, the outbox clean-up). PostgreSQL plans from statistics and will take
    /// the expression bare (a unary plus on a timestamp is an error there).
    /// </summary>
    public static string NotIndexed(string expression) => "+" + expression;

    /// <summary>
    /// The local year in Vietnam of a UTC time column (UTC+7, no daylight saving since 1975): SQLite has no time zones
    /// and stores times as text, so seven hours are added; PostgreSQL will use <c>EXTRACT(YEAR FROM … AT TIME ZONE …)</c>.
    /// </summary>
    public static string LocalYear(string column) => $"CAST(strftime('%Y', {column}, '+7 hours') AS INTEGER)";
}
