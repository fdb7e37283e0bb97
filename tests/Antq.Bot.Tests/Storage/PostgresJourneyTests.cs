using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Storage;

/// <summary>The service on PostgreSQL, end to end: a resident signs up and sends a tip, the officer gets the card.</summary>
public sealed class PostgresJourneyTests
{
    [Fact]
    public async Task A_tip_sent_on_postgres_reaches_the_ward_officer_and_is_stored()
    {
        await using var bot = await TestBot.StartOnPostgresAsync();
        try
        {
            var officer = await bot.OfficerAsync(950_900, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
            var tipster = await bot.AtTipCategoryAsync(950_001);
            await tipster.AtReviewAsync();

            tipster.Taps("Gửi tin báo");

            await tipster.Sees("Mã theo dõi");
            await officer.Sees("Tin báo mới");
            Assert.Equal(1, await bot.QueryAsync(db => db.Tips.CountAsync()));
        }
        catch (Exception ex) when (ex is ScriptMismatchException or TimeoutException)
        {
            // What the service logged is what tells a PostgreSQL difference from a wrong expectation.
            throw new InvalidOperationException(ex.Message + "\nService log:\n" + string.Join("\n", bot.Logs.Lines.Select(l => l.Text)), ex);
        }
    }

    [Fact]
    public async Task Readyz_says_the_service_runs_on_postgres_and_this_instance_polls_telegram()
    {
        await using var bot = await TestBot.StartOnPostgresAsync();
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        // The poller takes the lock once Telegram's start-up is done; readiness says so when it has.
        System.Text.Json.JsonElement body = default;
        string? role = null;
        for (var i = 0; i < 50 && role != "poller"; i++)
        {
            using var ready = await http.GetAsync("/readyz");
            body = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            role = body.GetProperty("role").GetString();
            if (role != "poller")
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal("postgres", body.GetProperty("provider").GetString());
        Assert.Equal("poller", body.GetProperty("role").GetString());
        Assert.Equal("ready", body.GetProperty("database").GetString());
    }
}
