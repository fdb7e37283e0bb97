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
/// Files come through <see cref="MediaFiles"/>, so a photo is kept re-encoded, without its metadata.
/// </summary>
public sealed partial class AttachmentArchive(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    MediaFiles files,
    TextCatalog texts,
    DeliverySignal delivery,
    TimeProvider time,
    IOptions<TipOptions> options,
    CoreContent content,
    ILogger<AttachmentArchive> logger) : BackgroundService
{
    private readonly string root = content.ContentRoot;
    private static readonly string[] AllowedTypes = ["image/", "video/", "audio/", "application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument.", "text/plain"];

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.TipAttachments.Where(a => a.StoredPath == null && a.DownloadError == null && a.NextDownloadAt <= now)
            .OrderBy(a => a.Id).Take(20).ToListAsync(cancellationToken);
        var archived = 0;
        var notices = new List<OutboxSend>();
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
                notices.AddRange(await TellOfficersAsync(db, attachment, problem.Reason, cancellationToken));
            }
            else
            {
                attachment.NextDownloadAt = now.AddSeconds(30 * Math.Pow(2, attachment.DownloadAttempts));
            }
        }

        var queued = 0;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var scope = WriteScope.Of(db);
            await OutboxWriter.WriteAsync(scope, notices, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            queued = scope.Queued;
        }

        if (queued > 0)
        {
            delivery.Notify();
        }

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

        if (!files.Knows(attachment.Channel))
        {
            return new Problem("channel not configured", Final: false);
        }

        var folder = Path.Combine(root, settings.AttachmentsDirectory, attachment.TipId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var extension = AttachmentName.Extension(attachment.Kind, attachment.MimeType) is { Length: > 0 } known ? known : ".bin";
        var relative = Path.Combine(attachment.TipId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{attachment.Id}{extension}");
        var path = Path.Combine(root, settings.AttachmentsDirectory, relative);
        try
        {
            var bytes = await files.BytesAsync(attachment.Channel, attachment.FileId, cancellationToken);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            attachment.StoredPath = relative;
            return null;
        }
        catch (MediaUnavailableException ex)
        {
            // Too large, no longer kept, or a photo that cannot be read (never kept as it came): trying again will not help.
            File.Delete(path);
            return new Problem(ex.Message, Final: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            File.Delete(path);
            LogRetry(logger, attachment.Id, ex.GetType().Name);
            return new Problem("download failed", Final: false);
        }
    }

    /// <summary>The notices to the tip's officers that an attachment could not be kept, written with the attachment's state.</summary>
    private async Task<IEnumerable<OutboxSend>> TellOfficersAsync(AntqDb db, TipAttachment attachment, string reason, CancellationToken cancellationToken)
    {
        var tip = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == attachment.TipId, cancellationToken);
        var officers = await db.Officers.AsNoTracking().Where(o => o.Role == OfficerRole.Admin || o.WardId == tip.WardId).ToListAsync(cancellationToken);
        var message = new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.attachment_not_kept", TrackingCode.Display(tip.Code), reason) };
        return officers.Select(o => new OutboxSend(o.Channel, o.ChatId, message, DeliveryPriority.Reply, Kind: null));
    }

    private sealed record Problem(string Reason, bool Final);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archiving tip attachment {Id} failed ({Error}); it will be tried again")]
    private static partial void LogRetry(ILogger logger, long id, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The attachment archive loop failed ({Error})")]
    private static partial void LogFailed(ILogger logger, string error);
}
