using Antq.Core.Channels;

namespace Antq.Bot.Channels.Zalo;

/// <summary>Downloads a file a Zalo user sent: the "file id" is the URL Zalo gave in the event.</summary>
public sealed class ZaloFiles(IHttpClientFactory httpFactory) : IChannelFiles
{
    public const string HttpClientName = "zalo-files";

    public string Channel => ZaloChannel.ChannelName;

    public async Task DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(fileId, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new IOException("A Zalo file is fetched by its URL, and this is not one.");
        }

        using var http = httpFactory.CreateClient(HttpClientName);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(destination, cancellationToken);
    }
}
