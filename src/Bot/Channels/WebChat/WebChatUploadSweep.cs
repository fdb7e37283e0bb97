using Antq.Core.Channels;
using Antq.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// Deletes uploads that nothing uses once they are <see cref="WebChatUploadLimits.KeepUnreferenced"/> old: a photo
/// sent and then abandoned (the tip never sent, the flow left) does not stay on the disk.
/// </summary>
public sealed partial class WebChatUploadSweep(
    WebChatUploads uploads,
    ChannelFileReferences references,
    TimeProvider time,
    IOptions<WebChatOptions> options,
    IOptions<ConversationOptions> conversations,
    ILogger<WebChatUploadSweep> logger) : BackgroundService
{
    /// <summary>One sweep; returns how many uploads were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        uploads.ForgetSenders();
        var old = uploads.Stored().Where(f => now - f.WrittenAt > options.Value.Uploads.KeepUnreferenced).ToList();
        if (old.Count == 0)
        {
            return 0;
        }

        // A draft counts while its flow is alive: an idle flow is closed when the resident next writes.
        var used = await references.InUseAsync(uploads.Channel, [.. old.Select(f => f.FileId)], now - conversations.Value.IdleTimeout, cancellationToken);
        var swept = 0;
        foreach (var file in old.Where(f => !used.Contains(f.FileId)))
        {
            uploads.Delete(file.Name);
            swept++;
        }

        LogSwept(logger, swept, old.Count - swept);
        return swept;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.Uploads.SweepInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web chat uploads swept: {Swept} unused deleted, {Kept} old ones still in use")]
    private static partial void LogSwept(ILogger logger, int swept, int kept);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping web chat uploads failed ({Error})")]
    private static partial void LogFailed(ILogger logger, string error);
}
