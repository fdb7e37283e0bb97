using System.Text;
using Antq.Bot.Channels.Telegram;

namespace Antq.Benchmarks;

/// <summary>
/// Posts updates to the instances' webhooks as Telegram does (the secret header, JSON body, a 200 once stored), each
/// on the instance its route picks. Posts are not awaited by the caller: the closed loop sends a resident's next input
/// from inside the fake's handling of the last reply, and must not hold that request while the bot stores the update.
/// </summary>
internal sealed class WebhookFeed : IDisposable
{
    /// <summary>Telegram opens at most this many connections to a webhook unless <c>max_connections</c> says otherwise.</summary>
    public const int ConnectionsPerInstance = 40;

    public const string Secret = "bench_Secret-21";

    /// <summary>The public URL the instances register; only its path is served (the fake ignores the host).</summary>
    public const string Url = "https://antq.example.vn/telegram/webhook";

    private readonly HttpClient[] _instances;
    private readonly long[] _posted;
    private Exception? _error;

    public WebhookFeed(IReadOnlyList<Uri> instances)
    {
        _instances = [.. instances.Select(address => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = ConnectionsPerInstance }) { BaseAddress = address })];
        _posted = new long[_instances.Length];
    }

    /// <summary>The first post that failed (not answered 200), if any: the run is then not a measurement.</summary>
    public Exception? Error => Volatile.Read(ref _error);

    /// <summary>Updates posted to each instance so far.</summary>
    public IReadOnlyList<long> Posted => [.. _posted.Select((_, i) => Interlocked.Read(ref _posted[i]))];

    /// <summary>Starts posting <paramref name="update"/> to instance <paramref name="route"/> mod the instances.</summary>
    public void Post(int route, string update)
    {
        var instance = (int)((uint)route % (uint)_instances.Length);
        Interlocked.Increment(ref _posted[instance]);
        _ = PostAsync(_instances[instance], update);
    }

    private async Task PostAsync(HttpClient instance, string update)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url).AbsolutePath) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
            request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
            using var response = await instance.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} at {instance.BaseAddress}.");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.CompareExchange(ref _error, e, null);
        }
    }

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }
}
