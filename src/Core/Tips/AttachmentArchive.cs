using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tips;

/// <summary>
/// Keeps a copy of every tip attachment in the attachments folder, checking size and type; a failed download
/// is retried with backoff, and when it cannot be kept the ward's officers are told (the tip itself is fine).
/// </summary>
public sealed partial class AttachmentArchive(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    IEnumerable<IChannelFiles> channels,
    TextCatalog texts,
    DeliverySignal delivery,
    TimeProvider time,
    IOptions<TipOptions> options,
    CoreContent content,
    ILogger<AttachmentArchive> logger) : BackgroundService
{
    private readonly string root = content.ContentRoot;
    private static readonly string[] AllowedTypes = ["image/", "video/", "audio/", "application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument.", "text/plain"];
    private readonly Dictionary<string, IChannelFiles> _channels = channels.ToDictionary(c => c.Channel);

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.TipAttachments.Where(a => a.StoredPath == null && a.DownloadError == null && a.NextDownloadAt <= now)
            .OrderBy(a => a.Id).Take(20).ToListAsync(cancellationToken);
        var archived = 0;
        foreach (var attachment in due)
        {
            var problem = await TryArchiveAsync(attachment, settings, cancellationToken);
            attachment.DownloadAttempts++;
            if (problem is null)
            {
                archived++;
            }
            else if (problem.Final || attachment.DownloadAttempts >= settings.MaxDownloadAttempts)
            {
                attachment.DownloadError = problem.Reason;
                await TellOfficersAsync(db, attachment, problem.Reason, now, cancellationToken);
            }
            else
            {
                attachment.NextDownloadAt = now.AddSeconds(30 * Math.Pow(2, attachment.DownloadAttempts));
            }
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        delivery.Notify();
        return archived;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.GetType().Name);
            }

            await Task.Delay(options.Value.DownloadInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<Problem?> TryArchiveAsync(TipAttachment attachment, TipOptions settings, CancellationToken cancellationToken)
    {
        if (attachment.FileSize > settings.MaxAttachmentBytes)
        {
            return new Problem("too large", Final: true);
        }

        if (attachment.MimeType is { } type && !AllowedTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            return new Problem("type not accepted: " + type, Final: true);
        }

        if (!_channels.TryGetValue(attachment.Channel, out var channel))
        {
            return new Problem("channel not configured", Final: false);
        }

        var folder = Path.Combine(root, settings.AttachmentsDirectory, attachment.TipId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var relative = Path.Combine(attachment.TipId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{attachment.Id}{Extension(attachment)}");
        var path = Path.Combine(root, settings.AttachmentsDirectory, relative);
        try
        {
            await using (var file = new LimitedStream(File.Create(path), settings.MaxAttachmentBytes))
            {
                await channel.DownloadAsync(attachment.FileId, file, cancellationToken);
            }

            attachment.StoredPath = relative;
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            File.Delete(path);
            LogRetry(logger, attachment.Id, ex.GetType().Name);
            return ex is LimitedStream.TooLargeException ? new Problem("too large", Final: true) : new Problem("download failed", Final: false);
        }
    }

    private async Task TellOfficersAsync(AntqDb db, TipAttachment attachment, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var tip = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == attachment.TipId, cancellationToken);
        var officers = await db.Officers.AsNoTracking().Where(o => o.Role == OfficerRole.Admin || o.WardId == tip.WardId).ToListAsync(cancellationToken);
        var message = new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.attachment_not_kept", TrackingCode.Display(tip.Code), reason) };
        foreach (var officer in officers)
        {
            OutboxWriter.Enqueue(db, officer.Channel, officer.ChatId, [message], DeliveryPriority.Reply, now);
        }
    }

    private static string Extension(TipAttachment attachment) => attachment.Kind switch
    {
        AttachmentKind.Photo => ".jpg",
        AttachmentKind.Voice => ".ogg",
        AttachmentKind.Video or AttachmentKind.VideoNote or AttachmentKind.Animation => ".mp4",
        _ => ".bin",
    };

    private sealed record Problem(string Reason, bool Final);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archiving tip attachment {Id} failed ({Error}); it will be tried again")]
    private static partial void LogRetry(ILogger logger, long id, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The attachment archive loop failed ({Error})")]
    private static partial void LogFailed(ILogger logger, string error);
}
