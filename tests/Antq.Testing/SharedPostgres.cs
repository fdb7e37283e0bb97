using System.Globalization;

namespace Antq.Testing;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run (starting one takes seconds), with a fresh database for
/// each test that asks. Stopped when the test process exits.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresCluster>> Server = new(StartAsync);
    private static int _databases;

    /// <summary>A new, empty database on the shared server; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = "test_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        return await server.CreateDatabaseAsync(name);
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var server = await PostgresCluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
