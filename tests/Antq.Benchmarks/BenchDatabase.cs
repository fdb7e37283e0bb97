using Antq.Core.Storage;
using Antq.Testing;

namespace Antq.Benchmarks;

/// <summary>
/// Which database the benchmarks run on: a SQLite file (the default) or, with <c>--postgres</c>, a fresh database on a
/// throwaway PostgreSQL server of the run's own (<see cref="SharedPostgres"/>, as the tests start one: <c>initdb</c>,
/// a free loopback port, removed at exit). Results on PostgreSQL go to sections of their own in docs/benchmarks.md.
/// </summary>
internal static class BenchDatabase
{
    public const string Flag = "--postgres";

    public static bool OnPostgres { get; set; }

    public static DatabaseProvider Provider => OnPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>" on PostgreSQL" for titles, empty on SQLite.</summary>
    public static string TitleSuffix => OnPostgres ? " on PostgreSQL" : "";

    /// <summary>
    /// The section name in docs/benchmarks.md: PostgreSQL's figures stand beside SQLite's, not over them, and those of
    /// the cluster's set-up (<see cref="BenchInstances"/>) beside both.
    /// </summary>
    public static string Section(string name) => OnPostgres ? name + "-postgres" + BenchInstances.SectionSuffix : name;

    /// <summary>A connection string to a new, empty database: a file in <paramref name="folder"/>, or a PostgreSQL database.</summary>
    public static async Task<string> NewAsync(string folder) =>
        OnPostgres ? await SharedPostgres.CreateDatabaseAsync() : "Data Source=" + Path.Combine(folder, "antq.db");
}
