using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Testing;

/// <summary>
/// An in-process stand-in for the Telegram Bot API (https://api.telegram.org) listening on a random
/// loopback port. Point <c>TelegramBotClientOptions(token, fake.BaseUrl)</c> at it: the client then posts
/// to <c>{BaseUrl}/bot{token}/{method}</c>. Every call is recorded; updates are served through
/// <c>getUpdates</c> (with offset confirmation and long polling); errors can be injected with <see cref="FailNext"/>.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<FailureRule> _failures = [];
    private TaskCompletionSource _callsChanged = NewSignal();
    private WebApplication? _app;
    private int _disposed;

    private FakeBotApi(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !long.TryParse(token.AsSpan(0, colon), out var botId))
        {
            throw new ArgumentException("A bot token looks like \"123456:ABC\" (Telegram.Bot rejects anything else).", nameof(token));
        }

        Token = token;
        BotId = botId;
    }

    /// <summary>
    /// Raised for every call right after it is recorded and before its response is written (for getUpdates: the
    /// moment the batch in <see cref="RecordedCall.Result"/> is handed out). Runs on the request's thread, so
    /// handlers must be quick and thread-safe; an exception thrown by a handler fails that request.
    /// </summary>
    public event Action<RecordedCall>? OnCall;

    /// <summary>
    /// False: calls are no longer kept in <see cref="Calls"/> (<see cref="OnCall"/> still sees each one), so that a
    /// long benchmark sending hundreds of thousands of messages does not measure the fake's memory. Default true.
    /// </summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Root URL of the fake, e.g. "http://127.0.0.1:45123" (no trailing slash, no path).</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token { get; }

    /// <summary>The bot's user id: the number before the colon in <see cref="Token"/>.</summary>
    public long BotId { get; }

    /// <summary>Upper bound for a <c>getUpdates</c> long poll, whatever <c>timeout</c> the client asks for (Telegram allows 50 s).</summary>
    public TimeSpan MaxLongPollTimeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>Starts the fake on http://127.0.0.1 with a free port chosen by the OS.</summary>
    public static async Task<FakeBotApi> StartAsync(string token = "123456:TEST")
    {
        ArgumentNullException.ThrowIfNull(token);
        var fake = new FakeBotApi(token);
        try
        {
            await fake.StartServerAsync().ConfigureAwait(false);
        }
        catch
        {
            await fake.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return fake;
    }

    /// <summary>Snapshot of every call answered so far, in the order answered.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    /// <summary>Calls of one method (case-insensitive, e.g. "sendMessage").</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string method)
    {
        var name = BotApiMethods.Normalize(method);
        return Calls.Where(c => c.Method == name).ToArray();
    }

    /// <summary>Successful <c>sendMessage</c> calls (failed attempts are left out; see <see cref="CallsTo"/>).</summary>
    public IReadOnlyList<SentMessage> SentMessages =>
        Calls.Where(c => c.Method == "sendMessage" && c.Succeeded).Select(SentMessage.From).ToArray();

    /// <summary>Successful <c>sendMessage</c> calls to one chat.</summary>
    public IReadOnlyList<SentMessage> SentMessagesTo(string chatId) =>
        SentMessages.Where(m => m.ChatId == chatId).ToArray();

    /// <summary>
    /// What one chat has been shown, in order: messages sent (sendMessage) and messages edited in place
    /// (editMessageText, which carries the id of the message it replaced).
    /// </summary>
    public IReadOnlyList<SentMessage> ShownTo(string chatId) =>
        Calls.Where(c => c.Method is "sendMessage" or "editMessageText" && c.Succeeded && c.ChatId == chatId)
            .Select(c => c.Method == "sendMessage" ? SentMessage.From(c) : SentMessage.From(c) with { MessageId = int.Parse(c.Field("message_id") ?? "0", System.Globalization.CultureInfo.InvariantCulture) })
            .ToArray();

    /// <summary>Forgets the recorded calls (updates, failures and counters are kept).</summary>
    public void ClearCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>
    /// Answers the next <paramref name="times"/> calls of <paramref name="method"/> (case-insensitive)
    /// with <paramref name="failure"/> instead of a result; with <paramref name="chatId"/>, only calls
    /// whose <c>chat_id</c> (as a string) equals it. Rules are used in the order they were added.
    /// </summary>
    public void FailNext(string method, FakeFailure failure, int times = 1, string? chatId = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _failures.Add(new FailureRule(BotApiMethods.Normalize(method), failure, chatId) { Remaining = times });
        }
    }

    /// <summary>Drops failure rules that have not been used up.</summary>
    public void ClearFailures()
    {
        lock (_gate)
        {
            _failures.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Releases pending long polls first so that the graceful stop does not wait for them.
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections still open after the timeout are dropped by DisposeAsync.
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task StartServerAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync().ConfigureAwait(false);

        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseUrl = new Uri(address).GetLeftPart(UriPartial.Authority);
    }

    private FakeFailure? TakeFailure(string method, string? chatId)
    {
        lock (_gate)
        {
            var rule = _failures.FirstOrDefault(r => r.Method == method && (r.ChatId is null || r.ChatId == chatId));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _failures.Remove(rule);
            }

            return rule.Failure;
        }
    }

    private RecordedCall Record(string method, JsonObject body, IReadOnlyList<RecordedFile> files, string? contentType, DateTimeOffset receivedAt, int status, JsonNode? result, string response)
    {
        var call = new RecordedCall
        {
            Method = method,
            Body = body,
            Files = files,
            ContentType = contentType,
            ReceivedAt = receivedAt,
            StatusCode = status,
            Result = result,
            ResponseJson = response,
        };
        if (RecordCalls)
        {
            lock (_gate)
            {
                _calls.Add(call);
            }
        }

        Signal(ref _callsChanged);
        OnCall?.Invoke(call);
        return call;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the current signal and arms a fresh one for the next waiters.</summary>
    private static void Signal(ref TaskCompletionSource signal) =>
        Interlocked.Exchange(ref signal, NewSignal()).TrySetResult();

    private sealed record FailureRule(string Method, FakeFailure Failure, string? ChatId)
    {
        public int Remaining { get; set; }
    }
}
