using System.Diagnostics;
using System.Net;
using System.Text;
using Antq.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Antq.Bot.Tests.Fakes;

public sealed class FakeBotApiTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private FakeBotApi _fake = null!;
    private TelegramBotClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotApi.StartAsync();
        _client = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, _fake.BaseUrl) { RetryThreshold = 0 });
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public void The_fake_listens_on_a_loopback_address_with_a_real_port()
    {
        var uri = new Uri(_fake.BaseUrl);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.NotEqual(0, uri.Port);
        Assert.Equal("", uri.AbsolutePath.Trim('/'));
    }

    [Fact]
    public async Task GetMe_returns_the_bot_user_for_the_token()
    {
        var me = await _client.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal(FakeBotApi.BotUsername, me.Username);
        var call = Assert.Single(_fake.CallsTo("getMe"));
        Assert.Empty(call.Body);
        Assert.Null(call.ContentType);
    }

    [Fact]
    public async Task GetUpdates_returns_queued_updates_and_an_offset_confirms_the_older_ones()
    {
        _fake.EnqueueUpdate(UpdateFactory.Text(1, 111, "xin chào"));
        _fake.EnqueueUpdate(UpdateFactory.Text(2, 111, "/start"));

        var all = await _client.GetUpdates();
        var rest = await _client.GetUpdates(offset: 2);
        var none = await _client.GetUpdates(offset: 3);

        Assert.Equal([1, 2], all.Select(u => u.Id));
        Assert.Equal("xin chào", all[0].Message!.Text);
        Assert.Equal(111, all[0].Message!.Chat.Id);
        Assert.Equal(ChatType.Private, all[0].Message!.Chat.Type);
        Assert.Equal("vi", all[0].Message!.From!.LanguageCode);
        Assert.Equal(MessageEntityType.BotCommand, all[1].Message!.Entities![0].Type);
        Assert.Equal(2, Assert.Single(rest).Id);
        Assert.Empty(none);
        Assert.Equal(3, _fake.ConfirmedOffset);
        Assert.Equal(3, _fake.GetUpdatesCount);
        Assert.Equal(0, _fake.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_honours_the_limit()
    {
        for (var id = 1; id <= 5; id++)
        {
            _fake.EnqueueUpdate(UpdateFactory.Text(id, 111, $"tin {id}"));
        }

        var batch = await _client.GetUpdates(limit: 2);

        Assert.Equal([1, 2], batch.Select(u => u.Id));
        Assert.Equal(5, _fake.PendingUpdateCount);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_is_enqueued()
    {
        var stopwatch = Stopwatch.StartNew();
        var poll = _client.GetUpdates(timeout: 30);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);

        _fake.EnqueueUpdate(UpdateFactory.Text(7, 111, "có ai không?"));
        var updates = await poll.WaitAsync(Patience);

        Assert.Equal(7, Assert.Single(updates).Id);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_long_poll_with_nothing_to_deliver_answers_empty_when_its_timeout_elapses()
    {
        var stopwatch = Stopwatch.StartNew();

        var updates = await _client.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Disposing_the_fake_releases_a_pending_long_poll_promptly()
    {
        var fake = await FakeBotApi.StartAsync();
        var client = new TelegramBotClient(new TelegramBotClientOptions(fake.Token, fake.BaseUrl));
        var poll = client.GetUpdates(timeout: 50);
        for (var i = 0; i < 500 && fake.GetUpdatesCount == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, fake.GetUpdatesCount);
        Assert.False(poll.IsCompleted);

        var stopwatch = Stopwatch.StartNew();
        await fake.DisposeAsync();
        var updates = await poll.WaitAsync(Patience);

        Assert.Empty(updates);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task SendMessage_is_recorded_with_its_inline_keyboard_and_answered_with_a_message()
    {
        var keyboard = new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Có", "yes"), InlineKeyboardButton.WithCallbackData("Không", "no")],
            [InlineKeyboardButton.WithUrl("Trang web", "https://example.org")],
        ]);

        var first = await _client.SendMessage(111, "Bạn có an toàn không?", replyMarkup: keyboard);
        var second = await _client.SendMessage(111, "Cảm ơn");

        var sent = _fake.SentMessages;
        Assert.Equal(2, sent.Count);
        Assert.Equal("111", sent[0].ChatId);
        Assert.Equal("Bạn có an toàn không?", sent[0].Text);
        Assert.Equal(first.Id, sent[0].MessageId);
        Assert.Equal([new InlineButton("Có", "yes"), new InlineButton("Không", "no")], sent[0].InlineKeyboard[0]);
        var (text, data) = sent[0].InlineKeyboard[1][0];
        Assert.Equal(("Trang web", null), (text, data));
        Assert.Equal("https://example.org", sent[0].InlineKeyboard[1][0].Url);
        Assert.Empty(sent[1].InlineKeyboard);

        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(111, first.Chat.Id);
        Assert.Equal(ChatType.Private, first.Chat.Type);
        Assert.True(first.From!.IsBot);
        Assert.Equal("Bạn có an toàn không?", first.Text);
        Assert.Equal("yes", first.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
        Assert.Equal("application/json; charset=utf-8", sent[0].Call.ContentType);
    }

    [Fact]
    public async Task Method_names_are_matched_in_any_case_and_recorded_in_bot_api_spelling()
    {
        using var http = new HttpClient();
        using var content = new StringContent("{\"chat_id\":5,\"text\":\"hi\"}", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync($"{_fake.BaseUrl}/bot{_fake.Token}/SENDMESSAGE", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"ok\":true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("sendMessage", Assert.Single(_fake.Calls).Method);
        Assert.Equal("5", Assert.Single(_fake.SentMessages).ChatId);
    }

    [Fact]
    public async Task A_wrong_token_is_answered_401_unauthorized()
    {
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("999:OTHER", _fake.BaseUrl));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());

        Assert.Equal(401, error.ErrorCode);
    }

    [Fact]
    public async Task An_injected_429_surfaces_as_ApiRequestException_with_retry_after_and_then_calls_succeed_again()
    {
        _fake.FailNext("sendMessage", FakeFailure.TooManyRequests(3));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(111, "một"));
        await _client.SendMessage(111, "hai");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(3, error.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 3", error.Message);
        Assert.Equal([429, 200], _fake.CallsTo("sendMessage").Select(c => c.StatusCode));
        Assert.Equal("hai", Assert.Single(_fake.SentMessages).Text);
    }

    [Fact]
    public async Task A_rolling_window_takes_its_limit_in_a_burst_answers_the_next_429_with_retry_after_1_and_counts_only_messages()
    {
        // A window long enough that nothing leaves it while the test runs.
        _fake.EnforceRollingWindow(3, TimeSpan.FromMinutes(1));

        for (var i = 0; i < 3; i++)
        {
            await _client.SendMessage(111, "tin " + i);
        }

        await _client.EditMessageText(111, 1, "sửa");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(111, "tin thứ tư"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters?.RetryAfter);
        Assert.Equal(1, _fake.RateLimitedCount);
        Assert.Equal(3, _fake.SentMessages.Count);
    }

    [Fact]
    public async Task With_its_default_retry_threshold_Telegram_Bot_waits_out_a_short_429_and_retries_by_itself()
    {
        var patient = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, _fake.BaseUrl));
        _fake.FailNext("sendMessage", FakeFailure.TooManyRequests(1));

        await patient.SendMessage(111, "thử lại");

        var calls = _fake.CallsTo("sendMessage");
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task An_injected_403_surfaces_as_error_code_403()
    {
        _fake.FailNext("SendMessage", FakeFailure.Forbidden());

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(111, "xin chào"));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Empty(_fake.SentMessages);
    }

    [Fact]
    public async Task Server_errors_and_bad_requests_surface_with_their_codes()
    {
        _fake.FailNext("sendMessage", FakeFailure.ServerError());
        _fake.FailNext("sendMessage", FakeFailure.BadRequest("chat not found"));

        var server = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(111, "a"));
        var bad = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(111, "b"));

        Assert.Equal(500, server.ErrorCode);
        Assert.Equal(400, bad.ErrorCode);
        Assert.Equal("Bad Request: chat not found", bad.Message);
    }

    [Fact]
    public async Task A_chat_specific_failure_only_hits_that_chat()
    {
        _fake.FailNext("sendMessage", FakeFailure.Forbidden(), times: 2, chatId: "222");

        await _client.SendMessage(111, "cho 111");
        await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(222, "cho 222"));
        await _client.SendMessage(333, "cho 333");
        await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(222, "cho 222 lần nữa"));
        await _client.SendMessage(222, "cho 222 lần ba");

        Assert.Equal(["111", "333", "222"], _fake.SentMessages.Select(m => m.ChatId));
    }

    [Fact]
    public async Task A_connection_reset_surfaces_as_a_RequestException()
    {
        _fake.FailNext("getUpdates", FakeFailure.ConnectionReset());

        var error = await Assert.ThrowsAsync<RequestException>(() => _client.GetUpdates());

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Equal(0, Assert.Single(_fake.Calls).StatusCode);
    }

    [Fact]
    public async Task WaitForSentMessagesAsync_completes_when_the_messages_arrive()
    {
        var waiting = _fake.WaitForSentMessagesAsync("111", 2, Patience);
        Assert.False(waiting.IsCompleted);

        await _client.SendMessage(111, "một");
        await _client.SendMessage(222, "khác");
        await _client.SendMessage(111, "hai");
        var messages = await waiting;

        Assert.Equal(["một", "hai"], messages.Select(m => m.Text));
    }

    [Fact]
    public async Task WaitForCallAsync_returns_a_call_that_already_happened()
    {
        await _client.AnswerCallbackQuery("42", "Đã nhận");

        var call = await _fake.WaitForCallAsync(c => c.Method == "answerCallbackQuery", TimeSpan.FromSeconds(1));

        Assert.Equal("42", call.Field("callback_query_id"));
        Assert.Equal("Đã nhận", call.Field("text"));
    }

    [Fact]
    public async Task A_wait_that_times_out_says_what_was_received()
    {
        await _client.SendMessage(111, "chỉ một tin");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _fake.WaitForSentMessagesAsync("111", 2, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("2 sent message(s) to chat 111", error.Message, StringComparison.Ordinal);
        Assert.Contains("sendMessage chat_id=111 \"chỉ một tin\" -> 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_methods_answer_true_and_are_remembered()
    {
        await _client.SetWebhook("https://antq.example/telegram/hook", secretToken: "s3cret");
        Assert.Equal("https://antq.example/telegram/hook", _fake.WebhookUrl);
        Assert.Equal("https://antq.example/telegram/hook", (await _client.GetWebhookInfo()).Url);
        await _client.DeleteWebhook(dropPendingUpdates: true);
        Assert.Null(_fake.WebhookUrl);

        await _client.SetMyCommands([new BotCommand("start", "Bắt đầu"), new BotCommand("help", "Trợ giúp")]);
        var commands = await _client.GetMyCommands();

        Assert.Equal(["start", "help"], commands.Select(c => c.Command));
        Assert.Equal("s3cret", _fake.CallsTo("setWebhook")[0].Field("secret_token"));
    }

    [Fact]
    public async Task SendPhoto_with_an_upload_arrives_as_multipart_with_json_fields_as_text()
    {
        using var image = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4]);
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("OK", "ok"));

        var message = await _client.SendPhoto(111, InputFile.FromStream(image, "ban-do.png"), caption: "Bản đồ", replyMarkup: markup, hasSpoiler: true);

        Assert.NotNull(message.Photo);
        Assert.Equal(3, message.Photo.Length);
        Assert.Equal("Bản đồ", message.Caption);
        var call = Assert.Single(_fake.CallsTo("sendPhoto"));
        Assert.StartsWith("multipart/form-data", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("111", call.ChatId);
        Assert.Equal("attach://0", call.Field("photo"));
        Assert.Equal("True", call.Field("has_spoiler"));
        Assert.Equal("{\"inline_keyboard\":[[{\"text\":\"OK\",\"callback_data\":\"ok\"}]]}", call.Field("reply_markup"));
        Assert.Equal("ok", call.JsonField("reply_markup")!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        var file = Assert.Single(call.Files);
        Assert.Equal(("0", "ban-do.png", 8L), (file.FieldName, file.FileName, file.Length));
    }

    [Fact]
    public async Task Factory_updates_deserialize_into_the_expected_Telegram_Bot_types()
    {
        _fake.EnqueueUpdate(UpdateFactory.Button(1, 111, "area:hn", messageId: 9));
        _fake.EnqueueUpdate(UpdateFactory.Sticker(2, 111));
        _fake.EnqueueUpdate(UpdateFactory.Photo(3, 111, "ổ gà"));
        _fake.EnqueueUpdate(UpdateFactory.Location(4, 111));
        _fake.EnqueueUpdate(UpdateFactory.Contact(5, 111));
        _fake.EnqueueUpdate(UpdateFactory.BlockedBot(6, 111));
        _fake.EnqueueUpdate(UpdateFactory.UnblockedBot(7, 111));

        var u = await _client.GetUpdates();

        Assert.Equal(UpdateType.CallbackQuery, u[0].Type);
        Assert.Equal("area:hn", u[0].CallbackQuery!.Data);
        Assert.Equal(9, u[0].CallbackQuery!.Message!.Id);
        Assert.Equal(111, u[0].CallbackQuery!.From.Id);
        Assert.Equal(111, u[0].CallbackQuery!.Message!.Chat.Id);
        Assert.Equal(MessageType.Sticker, u[1].Message!.Type);
        Assert.Equal(MessageType.Photo, u[2].Message!.Type);
        Assert.Equal("ổ gà", u[2].Message!.Caption);
        Assert.Equal(MessageType.Location, u[3].Message!.Type);
        Assert.Equal(21.028511, u[3].Message!.Location!.Latitude, 6);
        Assert.Equal(MessageType.Contact, u[4].Message!.Type);
        Assert.Equal(111, u[4].Message!.Contact!.UserId);
        Assert.Equal(UpdateType.MyChatMember, u[5].Type);
        Assert.Equal(ChatMemberStatus.Member, u[5].MyChatMember!.OldChatMember.Status);
        Assert.Equal(ChatMemberStatus.Kicked, u[5].MyChatMember!.NewChatMember.Status);
        Assert.Equal(ChatMemberStatus.Member, u[6].MyChatMember!.NewChatMember.Status);
        Assert.All(u.Take(5).Select(x => x.Message ?? x.CallbackQuery!.Message), m => Assert.Equal(ChatType.Private, m!.Chat.Type));
    }

    [Fact]
    public async Task A_negative_offset_keeps_only_the_latest_updates()
    {
        _fake.EnqueueUpdate(UpdateFactory.Text(1, 111, "cũ"));
        _fake.EnqueueUpdate(UpdateFactory.Text(2, 111, "mới"));

        var latest = await _client.GetUpdates(offset: -1);

        Assert.Equal(2, Assert.Single(latest).Id);
        Assert.Equal(1, _fake.PendingUpdateCount);
    }
}
