using System.Net;
using System.Net.Sockets;
using System.Text;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task A_20_MB_chunked_body_without_a_length_gets_413_and_nothing_is_stored()
    {
        await using var bot = await StartWebhookBotAsync();

        // Over a raw connection, as an attacker sends it: the server answers and hangs up while the body is still
        // coming, which HttpClient reports as a broken pipe instead of the answer.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(bot.BaseAddress.Host, bot.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /telegram/webhook HTTP/1.1\r\nHost: {bot.BaseAddress.Authority}\r\nContent-Type: application/json\r\n" +
            $"X-Telegram-Bot-Api-Secret-Token: {Secret}\r\nTransfer-Encoding: chunked\r\n\r\n";
        var sending = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(Chunk("{\"update_id\":560,\"message\":{\"message_id\":1,\"date\":1764950400,\"chat\":{\"id\":8006,\"type\":\"private\"},\"text\":\""));
                var text = Chunk(new string('a', 64 * 1024));
                for (var sent = 0; sent < 20 * 1024 * 1024; sent += 64 * 1024)
                {
                    await stream.WriteAsync(text);
                }

                await stream.WriteAsync(Chunk("\"}}"));
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            catch (IOException)
            {
                // The server closed the connection: it stopped reading.
            }
        });
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync().WaitAsync(ChatScript.Patience);
        await sending.WaitAsync(ChatScript.Patience);

        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
        using var next = await PostAsync(bot, UpdateFactory.Text(559, 8005, "/start"), Secret);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        await bot.Chat(8005).Sees("ngôn ngữ");
    }

    private static byte[] Chunk(string text) =>
        Encoding.ASCII.GetBytes($"{Encoding.UTF8.GetByteCount(text):x}\r\n{text}\r\n");
}
