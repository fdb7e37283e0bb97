using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Antq.Testing;

/// <summary>A message the web chat showed: new, or an edit of an earlier bubble (<see cref="Replaces"/>).</summary>
public sealed record WebChatShown(long Id, long? Replaces, string Text, [property: JsonPropertyName("buttons")] IReadOnlyList<IReadOnlyList<WebChatShownButton>> Rows, WebChatShownMedia? Media = null, bool Mine = false)
{
    [JsonIgnore]
    public IReadOnlyList<WebChatShownButton> Buttons => Rows.SelectMany(r => r).ToArray();

    /// <summary>The bubble this changes on the page: its own, or the one it edits.</summary>
    public long Bubble => Replaces ?? Id;
}

public sealed record WebChatShownButton(string Label, string Data);

/// <summary>A photo or file shown with a message: its kind, the address the page loads it from and its name if it has one.</summary>
public sealed record WebChatShownMedia(string Kind, string Source, string? Name = null);

/// <summary>
/// One browser's side of the web chat over plain HTTP, with its own cookie jar, so tests read like the conversation:
/// <c>await visitor.Says("/start"); await visitor.Sees("ngôn ngữ"); await visitor.Taps("Tiếng Việt");</c>
/// </summary>
public sealed class WebChatScript : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<WebChatShown> _shown = [];
    private readonly HashSet<long> _ids = [];
    private long _cursor;
    private int _seen;

    private WebChatScript(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    /// <summary>The browser's HTTP client: it keeps the visitor cookie.</summary>
    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The anti-forgery token the page got with its session.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The messages the test has looked at.</summary>
    public IReadOnlyList<WebChatShown> Seen => _shown.Take(_seen).ToArray();

    /// <param name="baseAddress">The service.</param>
    /// <param name="forwardedFor">The address a reverse proxy in front (on loopback, so trusted) says the browser has.</param>
    public static async Task<WebChatScript> OpenAsync(Uri baseAddress, string? forwardedFor = null)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        var visitor = new WebChatScript(http, cookies);
        (await http.GetAsync(new Uri("/chat", UriKind.Relative))).EnsureSuccessStatusCode();
        await visitor.ReloadAsync();
        return visitor;
    }

    /// <summary>What the page gets when it is (re)loaded: the conversation so far, edits applied.</summary>
    public async Task<IReadOnlyList<WebChatShown>> ReloadAsync()
    {
        var session = await Http.GetFromJsonAsync<Session>(new Uri("/chat/session", UriKind.Relative), Json) ?? throw new InvalidOperationException("No session.");
        Token = session.Token;

        // The visitor's own choices (echoed buttons) are the page's to show; scripts read what the bot said.
        return [.. session.Messages.Where(m => !m.Mine)];
    }

    public HttpRequestMessage Post(object body, string path = "/chat/messages") =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body), Headers = { { "X-Antq-Token", Token } } };

    public async Task<HttpResponseMessage> Says(string text) => await SendAsync(new { id = Guid.NewGuid().ToString("N"), text });

    /// <summary>Presses the button whose label contains <paramref name="label"/> on the newest message that has it.</summary>
    public async Task<HttpResponseMessage> Taps(string label)
    {
        foreach (var message in Seen.Reverse())
        {
            if (message.Buttons.FirstOrDefault(b => b.Label.Contains(label, StringComparison.Ordinal)) is { } button)
            {
                return await SendAsync(new { id = Guid.NewGuid().ToString("N"), button = button.Data, messageId = message.Bubble.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
        }

        throw new InvalidOperationException($"No button \"{label}\" in what the visitor was shown:\n" + Describe(Seen));
    }

    /// <summary>Waits for the next message shown (new or edited) and checks it contains <paramref name="fragment"/>.</summary>
    public async Task<WebChatShown> Sees(string fragment)
    {
        var next = await NextAsync();
        if (!next.Text.Contains(fragment, StringComparison.Ordinal))
        {
            throw new ScriptMismatchException($"The visitor expected a message containing \"{fragment}\" but was shown:\n\"{next.Text}\"\nSo far:\n{Describe(Seen)}");
        }

        return next;
    }

    public async Task<WebChatShown> NextAsync()
    {
        var deadline = DateTime.UtcNow + ChatScript.Patience;
        while (_shown.Count <= _seen)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ScriptMismatchException("The visitor was shown nothing more. So far:\n" + Describe(Seen));
            }

            var page = await Http.GetFromJsonAsync<Poll>(new Uri($"/chat/messages?after={_cursor}", UriKind.Relative), Json) ?? throw new InvalidOperationException("No page.");
            _shown.AddRange(page.Messages.Where(m => !m.Mine && _ids.Add(m.Id)));
            _cursor = page.Cursor;
            if (_shown.Count <= _seen)
            {
                await Task.Delay(50);
            }
        }

        return _shown[_seen++];
    }

    public void Dispose() => Http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(object body)
    {
        var response = await Http.SendAsync(Post(body));
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The post was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private static string Describe(IEnumerable<WebChatShown> messages) =>
        string.Join("\n", messages.Select(m => $"  · #{m.Id}{(m.Replaces is { } r ? $" (edits #{r})" : "")} {m.Text.ReplaceLineEndings(" ")} [{string.Join(" | ", m.Buttons.Select(b => b.Label))}]"));

    private sealed record Session(string Token, List<WebChatShown> Messages, long Cursor);

    private sealed record Poll(List<WebChatShown> Messages, long Cursor);
}
