using System.Globalization;
using System.Net;
using System.Text;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Antq.Bot.Tests.Storage;

/// <summary>Two instances of the service in webhook mode on one PostgreSQL database and one fake Bot API, as a cluster runs.</summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public const string Secret = "cluster_Secret-21";
    private const string WebhookPath = "/telegram/webhook";

    private TwoInstances(TestBot first, TestBot second, string database)
    {
        First = first;
        Second = second;
        Database = database;
    }

    public TestBot First { get; }

    public TestBot Second { get; }

    /// <summary>The shared database's connection string.</summary>
    public string Database { get; }

    public static async Task<TwoInstances> StartAsync(Action<Dictionary<string, string?>>? second = null)
    {
        var first = await TestBot.StartOnPostgresAsync(s =>
        {
            s["Telegram:Mode"] = "Webhook";
            s["Telegram:WebhookUrl"] = "https://antq.example.vn" + WebhookPath;
            s["Telegram:WebhookSecret"] = Secret;
        });
        try
        {
            var beside = await first.StartBesideAsync(second);
            var database = await first.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
            return new TwoInstances(first, beside, database);
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts an update to an instance's webhook as Telegram does, and checks it was taken (200).</summary>
    public static async Task PostAsync(TestBot instance, string update)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Holds a chat's turn lock from outside the service, as an instance in the middle of the chat's turn would:
    /// every instance's turn for that chat waits until it is disposed.
    /// </summary>
    public async Task<IAsyncDisposable> HoldChatAsync(long chatId)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended('telegram:' || @chat, 0))", connection);
        command.Parameters.AddWithValue("chat", chatId.ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
