using System.Net.Sockets;
using Antq.Testing;
using Npgsql;

namespace Antq.Bot.Tests.Storage;

/// <summary>The tests' own PostgreSQL server: real, password-protected, on loopback, and gone afterwards.</summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public async Task A_throwaway_server_starts_takes_the_right_password_only_and_is_gone_after()
    {
        int port;
        await using (var cluster = await PostgresCluster.StartAsync())
        {
            port = cluster.Port;
            var connectionString = await cluster.CreateDatabaseAsync("antq_check");
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT current_database() || ' ' || current_setting('server_encoding')", connection);
                Assert.Equal("antq_check UTF8", await command.ExecuteScalarAsync());
            }

            var wrong = new NpgsqlConnectionStringBuilder(connectionString) { Password = "not-the-password", Pooling = false }.ConnectionString;
            await using var refused = new NpgsqlConnection(wrong);
            var error = await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync());
            Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
        }

        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
    }
}
