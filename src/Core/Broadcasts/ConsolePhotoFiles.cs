using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Antq.Core.Channels;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>
/// The console's broadcast photos as a channel's files: a broadcast names one by its id with <see cref="ChannelName"/>
/// as its photo channel, and every channel fetches the bytes from here (through <see cref="Delivery.MediaFiles"/>), as
/// it fetches a Telegram officer's photo from Telegram. One that no broadcast holds is deleted after
/// <see cref="KeepUnsent"/> by <see cref="Delivery.MessageRetention"/>.
/// </summary>
public sealed partial class ConsolePhotoFiles(IDbContextFactory<AntqDb> dbFactory) : IChannelFiles
{
    public const string ChannelName = "console";

    /// <summary>How long a photo previewed but never sent is kept.</summary>
    public static readonly TimeSpan KeepUnsent = TimeSpan.FromDays(1);

    public string Channel => ChannelName;

    /// <summary>Re-encoded before it was stored, so it goes on as it is.</summary>
    public bool KeepsCleanFiles => true;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True for a well-formed id (anything else is not looked up at all).</summary>
    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>True when <paramref name="id"/> is a stored photo uploaded by <paramref name="officerId"/>.</summary>
    public static Task<bool> IsOwnedAsync(AntqDb db, string? id, long officerId, CancellationToken cancellationToken) =>
        IsId(id) ? db.ConsolePhotos.AnyAsync(p => p.Id == id && p.OfficerId == officerId, cancellationToken) : Task.FromResult(false);

    /// <summary>The photo's bytes, to the officer who uploaded it only; null for anyone else or an unknown id.</summary>
    public Task<byte[]?> ReadAsync(string id, long officerId, CancellationToken cancellationToken) => BytesAsync(id, officerId, cancellationToken);

    public async Task DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
    {
        var bytes = await BytesAsync(fileId, officerId: null, cancellationToken) ?? throw new FileNotFoundException("No console photo is kept under this id.");
        await destination.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>A stored photo's bytes (only if <paramref name="officerId"/>, when given, uploaded it); null for a malformed or unknown id.</summary>
    private async Task<byte[]?> BytesAsync(string id, long? officerId, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photos = db.ConsolePhotos.AsNoTracking().Where(p => p.Id == id);
        return await (officerId is { } officer ? photos.Where(p => p.OfficerId == officer) : photos).Select(p => p.Bytes).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Deletes the photos stored before <paramref name="before"/> that no broadcast (nor a copy of a repeating one) holds.</summary>
    public static Task<int> DeleteUnsentAsync(AntqDb db, DateTime before, CancellationToken cancellationToken) =>
        db.ConsolePhotos.Where(p => p.CreatedAt < before && !db.Broadcasts.Any(b => b.PhotoChannel == ChannelName && b.PhotoFileId == p.Id))
            .ExecuteDeleteAsync(cancellationToken);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
