using Antq.Bot.Hosting;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Antq.Bot.Tests.Storage;

/// <summary>One Telegram poller among several instances on PostgreSQL, and a quick takeover when it goes.</summary>
public sealed class PollingLeaderTests
{
    [Fact]
    public async Task Only_one_instance_leads_and_another_takes_over_within_seconds_when_it_goes()
    {
        var database = await SharedPostgres.CreateDatabaseAsync();
        var postgres = new StorageProvider(DatabaseProvider.Postgres);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var first = new PollingLeader(postgres, database, NullLogger<PollingLeader>.Instance);
        await using var second = new PollingLeader(postgres, database, NullLogger<PollingLeader>.Instance);

        await first.LeadAsync(stop.Token);
        var waiting = second.LeadAsync(stop.Token);
        await Task.Delay(PollingLeader.RetryEvery * 2, stop.Token);
        Assert.True(first.IsLeader);
        Assert.False(waiting.IsCompleted);
        Assert.False(second.IsLeader);

        // The leader's process goes (its database session with it).
        var gone = DateTime.UtcNow;
        await first.DisposeAsync();
        var secondLeads = await waiting;

        Assert.True(second.IsLeader);
        Assert.True(DateTime.UtcNow - gone < TimeSpan.FromSeconds(10));
        Assert.False(secondLeads.IsCancellationRequested);
        Assert.False(first.IsLeader);
    }

    [Fact]
    public async Task A_leader_whose_database_session_is_killed_stops_leading()
    {
        var database = await SharedPostgres.CreateDatabaseAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var leader = new PollingLeader(new StorageProvider(DatabaseProvider.Postgres), database, NullLogger<PollingLeader>.Instance);
        var leading = await leader.LeadAsync(stop.Token);

        // An operator (or a failover) ends the lock holder's session: the poller must stop rather than poll beside a new leader.
        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync(stop.Token);
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = @key", admin);
            kill.Parameters.AddWithValue("key", (long)(uint)PollingLeader.LockKey);
            await kill.ExecuteNonQueryAsync(stop.Token);
        }

        await Task.Delay(PollingLeader.RetryEvery * 3, stop.Token);
        Assert.True(leading.IsCancellationRequested);
        Assert.False(leader.IsLeader);
    }

    [Fact]
    public async Task On_sqlite_the_one_instance_always_polls()
    {
        await using var leader = new PollingLeader(new StorageProvider(DatabaseProvider.Sqlite), "Data Source=unused.db", NullLogger<PollingLeader>.Instance);

        var leading = await leader.LeadAsync(CancellationToken.None);

        Assert.True(leader.IsLeader);
        Assert.False(leading.IsCancellationRequested);
    }
}
