using System.Collections.Concurrent;
using Antq.Core.Conversations;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// A file another channel holds (a photo an officer put on a console broadcast, a web chat visitor's picture) is
/// uploaded to Telegram once, not once per recipient: Telegram answers the upload with its own file id, and the next
/// chats get the file by that id. A city-wide photo broadcast to 200,000 residents is then one upload of the photo,
/// not 200,000. Sends that start while the first upload is on its way wait for it rather than upload beside it.
/// </summary>
/// <remarks>
/// Kept <see cref="Keep"/> from the upload, as <see cref="Antq.Core.Delivery.MediaFiles"/> keeps the bytes, so a
/// file erased from its channel is not sent on from here for long; a long broadcast uploads again after that. Per
/// instance, in memory: several instances each upload once. An id Telegram no longer takes is forgotten and the
/// file uploaded again.
/// </remarks>
public sealed class TelegramUploads(TimeProvider time)
{
    /// <summary>How long Telegram's id for an uploaded file is used instead of uploading it again.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    private const int MaxFiles = 256;

    private readonly ConcurrentDictionary<(string Channel, string Source, AttachmentKind Kind), Upload> _uploads = new();

    /// <summary>
    /// Sends <paramref name="media"/> (a file of another channel) by Telegram's id for it when it was uploaded before,
    /// otherwise through <paramref name="upload"/>, keeping the id Telegram answers with.
    /// </summary>
    public async Task<Message> SendAsync(MediaRef media, Func<InputFile, Task<Message>> send, Func<Task<InputFile>> upload)
    {
        var key = (media.Channel ?? "", media.Source, media.Kind);
        while (true)
        {
            var now = time.GetUtcNow();
            if (_uploads.TryGetValue(key, out var known) && known.Until > now)
            {
                if (await known.FileId.Task is { } fileId)
                {
                    try
                    {
                        return await send(InputFile.FromFileId(fileId));
                    }
                    catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("file", StringComparison.OrdinalIgnoreCase))
                    {
                        _uploads.TryRemove(KeyValuePair.Create(key, known));
                    }
                }

                // The upload it waited for failed, or Telegram no longer takes the id: it uploads now, or waits for
                // the send that got there first.
                continue;
            }

            var mine = new Upload(now + Keep);
            if (known is null ? _uploads.TryAdd(key, mine) : _uploads.TryUpdate(key, mine, known))
            {
                Trim(now);
                return await UploadAsync(media, send, upload, key, mine);
            }
        }
    }

    private async Task<Message> UploadAsync(MediaRef media, Func<InputFile, Task<Message>> send, Func<Task<InputFile>> upload, (string, string, AttachmentKind) key, Upload mine)
    {
        string? fileId = null;
        try
        {
            var message = await send(await upload());
            fileId = media.Kind switch
            {
                AttachmentKind.Photo => message.Photo?.LastOrDefault()?.FileId,
                AttachmentKind.Video => message.Video?.FileId,
                _ => message.Document?.FileId,
            };
            return message;
        }
        finally
        {
            // Taken away before the waiting sends wake, so none of them finds a failed upload again.
            if (fileId is null)
            {
                _uploads.TryRemove(KeyValuePair.Create(key, mine));
            }

            mine.FileId.TrySetResult(fileId);
        }
    }

    /// <summary>Old entries go; a map that is still full is emptied (each file then uploads once more).</summary>
    private void Trim(DateTimeOffset now)
    {
        if (_uploads.Count <= MaxFiles)
        {
            return;
        }

        foreach (var (key, upload) in _uploads)
        {
            if (upload.Until <= now)
            {
                _uploads.TryRemove(KeyValuePair.Create(key, upload));
            }
        }

        if (_uploads.Count > MaxFiles)
        {
            _uploads.Clear();
        }
    }

    private sealed class Upload(DateTimeOffset until)
    {
        public DateTimeOffset Until { get; } = until;

        public TaskCompletionSource<string?> FileId { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
