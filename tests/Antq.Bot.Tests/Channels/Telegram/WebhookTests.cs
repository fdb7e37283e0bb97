using System.Net;
using System.Text;
using Antq.Testing;

namespace Antq.Bot.Tests.Channels.Telegram;

public sealed class WebhookTests
{
    private const string Secret = "s3cret_Token-42";

    private static Task<TestBot> StartWebhookBotAsync() => TestBot.StartAsync(s =>
    {
        s["Telegram:Mode"] = "Webhook";
        s["Telegram:WebhookUrl"] = "https://antq.example.vn/telegram/webhook";
        s["Telegram:WebhookSecret"] = Secret;
    });

    private static async Task<HttpResponseMessage> PostAsync(TestBot bot, string body, string? secret)
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task The_webhook_is_registered_with_its_secret_at_start()
    {
        await using var bot = await StartWebhookBotAsync();

        var call = await bot.Api.WaitForCallAsync("setWebhook", ChatScript.Patience);
        Assert.Equal("https://antq.example.vn/telegram/webhook", call.Field("url"));
        Assert.Equal(Secret, call.Field("secret_token"));
        Assert.Empty(bot.Api.CallsTo("getUpdates"));
    }

    [Fact]
    public async Task An_update_with_the_right_secret_is_stored_answered_200_and_handled()
    {
        await using var bot = await StartWebhookBotAsync();

        using var response = await PostAsync(bot, UpdateFactory.Text(555, 8001, "/start"), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Chat(8001).Sees("ngôn ngữ");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("s3cret_Token-4")]
    public async Task A_request_without_the_right_secret_is_refused_with_401(string? secret)
    {
        await using var bot = await StartWebhookBotAsync();

        using var response = await PostAsync(bot, UpdateFactory.Text(556, 8002, "/start"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await bot.Chat(8002).SeesNothingFor(TimeSpan.FromMilliseconds(500));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"update_id\":\"abc\"}")]
    public async Task Malformed_json_gets_400_and_the_service_keeps_running(string body)
    {
        await using var bot = await StartWebhookBotAsync();

        using var response = await PostAsync(bot, body, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var next = await PostAsync(bot, UpdateFactory.Text(557, 8003, "/start"), Secret);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        await bot.Chat(8003).Sees("ngôn ngữ");
    }

    [Fact]
    public async Task A_retried_webhook_delivery_is_handled_once()
    {
        await using var bot = await StartWebhookBotAsync();
        var update = UpdateFactory.Text(558, 8004, "/start");

        using var first = await PostAsync(bot, update, Secret);
        using var again = await PostAsync(bot, update, Secret);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var chat = bot.Chat(8004);
        await chat.Sees("ngôn ngữ");
        await chat.SeesNothingFor(TimeSpan.FromSeconds(1));
    }
}
