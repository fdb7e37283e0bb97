namespace Antq.Core.Channels;

/// <summary>A channel's way to fetch a file a resident sent, by its file id.</summary>
public interface IChannelFiles
{
    string Channel { get; }

    /// <summary>True when the channel's stored files were already cleaned of metadata when received (the web chat's uploads).</summary>
    bool KeepsCleanFiles => false;

    /// <summary>Copies the file into <paramref name="destination"/>; throws when it cannot (the caller retries later).</summary>
    Task DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken);
}
