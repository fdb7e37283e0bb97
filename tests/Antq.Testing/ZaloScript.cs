using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Antq.Testing;

/// <summary>
/// One Zalo user's side of a conversation with the OA: events are posted to the bot's webhook signed as Zalo signs
/// them, and what the bot sent is read from the <see cref="FakeZaloApi"/>.
/// <c>await user.Says("/start"); await user.Sees("ngôn ngữ"); await user.Taps("Tiếng Việt");</c>
/// </summary>
public sealed class ZaloScript(TestBot bot, FakeZaloApi zalo, string userId)
{
    public const string WebhookPath = "/zalo/webhook";
    private static readonly HttpClient Http = new();
    private int _seen;
    private long _nextMessage;

    public string UserId => userId;

    /// <summary>The messages this user has been shown and the test has looked at.</summary>
    public IReadOnlyList<ZaloSent> Seen => zalo.ShownTo(userId).Take(_seen).ToArray();

    public Task<HttpResponseMessage> Says(string text) => PostAsync(Event("user_send_text", Message(text)));

    /// <summary>
    /// Presses the button whose title contains <paramref name="label"/> on the newest message that has it (oa.query.show
    /// sends its payload back as the user's text); on a numbered list, types the number of the choice.
    /// </summary>
    public Task<HttpResponseMessage> Taps(string label)
    {
        foreach (var message in Seen.Reverse())
        {
            if (message.Buttons.FirstOrDefault(b => b.Title.Contains(label, StringComparison.Ordinal)) is { } button)
            {
                return Says(button.Payload);
            }

            var line = message.Text.Split('\n').FirstOrDefault(l => NumberOf(l) is not null && l.Contains(label, StringComparison.Ordinal));
            if (line is not null)
            {
                return Says(NumberOf(line)!);
            }
        }

        throw new InvalidOperationException($"No button \"{label}\" in what Zalo user {userId} was shown:\n" + Describe(Seen));
    }

    public Task<HttpResponseMessage> SendsLocation(double latitude, double longitude) =>
        PostAsync(Event("user_send_location", new JsonObject
        {
            ["msg_id"] = NextMessageId(),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "location",
                ["payload"] = new JsonObject { ["coordinates"] = new JsonObject { ["latitude"] = latitude.ToString(CultureInfo.InvariantCulture), ["longitude"] = longitude.ToString(CultureInfo.InvariantCulture) } },
            }),
        }));

    /// <summary>Sends a photo Zalo keeps at <paramref name="url"/>, with an optional caption.</summary>
    public Task<HttpResponseMessage> SendsPhoto(string url, string? caption = null) =>
        PostAsync(Event("user_send_image", new JsonObject
        {
            ["msg_id"] = NextMessageId(),
            ["text"] = caption,
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["thumbnail"] = url, ["url"] = url } }),
        }));

    public Task<HttpResponseMessage> Follows() => PostAsync(Event("follow"));

    public Task<HttpResponseMessage> Unfollows() => PostAsync(Event("unfollow"));

    /// <summary>Posts an event signed as Zalo signs it.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject json)
    {
        var body = FakeZaloApi.Body(json);
        var timestamp = json["timestamp"]!.GetValue<string>();
        return await PostRawAsync(body, FakeZaloApi.Sign(body, timestamp));
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.BaseAddress, WebhookPath)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Waits for the next message shown to this user and checks it contains <paramref name="fragment"/>.</summary>
    public async Task<ZaloSent> Sees(string fragment)
    {
        var next = await NextAsync();
        if (!next.Text.Contains(fragment, StringComparison.Ordinal))
        {
            throw new ScriptMismatchException($"Zalo user {userId} expected a message containing \"{fragment}\" but was shown:\n\"{next.Text}\"\nSo far:\n{Describe(Seen)}");
        }

        return next;
    }

    public async Task<ZaloSent> NextAsync()
    {
        var wanted = _seen + 1;
        try
        {
            await zalo.WaitForAsync(() => zalo.ShownTo(userId).Count >= wanted, ChatScript.Patience);
        }
        catch (TimeoutException)
        {
            throw new ScriptMismatchException($"Zalo user {userId} was shown nothing more. So far:\n" + Describe(Seen));
        }

        _seen = wanted;
        return zalo.ShownTo(userId)[wanted - 1];
    }

    public async Task SeesNothingFor(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        var shown = zalo.ShownTo(userId);
        if (shown.Count > _seen)
        {
            throw new ScriptMismatchException($"Zalo user {userId} was shown more than expected:\n" + Describe(shown.Skip(_seen)));
        }
    }

    /// <summary>An event from this user, stamped by the bot's clock (Zalo stamps events when they happen; the service refuses old ones).</summary>
    public JsonObject Event(string name, JsonObject? message = null) =>
        FakeZaloApi.Event(name, userId, message, bot.Clock.GetUtcNow().ToUnixTimeMilliseconds());

    public JsonObject Message(string text) => new() { ["text"] = text, ["msg_id"] = NextMessageId() };

    // Opaque, as Zalo's are: a message id says nothing of its sender.
    private string NextMessageId() => Interlocked.Increment(ref _nextMessage).ToString("x4", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..16];

    private static string? NumberOf(string line)
    {
        var dot = line.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && line[..dot].All(char.IsAsciiDigit) ? line[..dot] : null;
    }

    private static string Describe(IEnumerable<ZaloSent> messages) =>
        string.Join("\n", messages.Select(m => $"  · {m.Text.ReplaceLineEndings(" ")} [{string.Join(" | ", m.Buttons.Select(b => b.Title))}]"));
}
