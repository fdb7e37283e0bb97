using Antq.Bot.Channels.Telegram;
using Antq.Core.Conversations;
using Antq.Testing;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Antq.Bot.Tests.Channels.Telegram;

/// <summary>
/// A file of another channel goes up to Telegram once and then by Telegram's id for it; what happens when that first
/// upload fails, when Telegram no longer takes the id, and when the id is old. (The whole path, a console photo
/// broadcast reaching five Telegram chats with one upload, is in ConsoleBroadcastPhotoTests.)
/// </summary>
public sealed class TelegramUploadsTests
{
    private static readonly MediaRef Photo = new(AttachmentKind.Photo, "0123456789abcdef0123456789abcdef", Channel: "console");

    private readonly ManualClock _clock = new();
    private readonly List<string> _sent = [];
    private int _uploads;

    private Task<InputFile> Upload()
    {
        Interlocked.Increment(ref _uploads);
        return Task.FromResult<InputFile>(InputFile.FromStream(new MemoryStream([1, 2, 3]), "photo.jpg"));
    }

    /// <summary>Telegram's answer: an upload gets the next id, a send by id the id it named.</summary>
    private Task<Message> Accept(InputFile file)
    {
        var id = file is InputFileId known ? known.Id : $"tg-{_uploads}";
        lock (_sent)
        {
            _sent.Add(file is InputFileId ? "id:" + id : "upload");
        }

        return Task.FromResult(new Message { Photo = [new PhotoSize { FileId = id + "-small" }, new PhotoSize { FileId = id }] });
    }

    [Fact]
    public async Task Sends_that_start_together_wait_for_the_one_upload_and_go_by_its_largest_size_id()
    {
        var uploads = new TelegramUploads(_clock);
        var gate = new TaskCompletionSource();

        async Task<Message> Slow(InputFile file)
        {
            if (file is not InputFileId)
            {
                await gate.Task;
            }

            return await Accept(file);
        }

        var sends = Enumerable.Range(0, 5).Select(_ => uploads.SendAsync(Photo, Slow, Upload)).ToList();
        gate.SetResult();
        await Task.WhenAll(sends);

        Assert.Equal(1, _uploads);
        Assert.Equal(["id:tg-1", "id:tg-1", "id:tg-1", "id:tg-1", "upload"], _sent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task When_the_first_upload_fails_the_send_waiting_for_it_uploads_in_its_place_and_the_next_go_by_its_id()
    {
        var uploads = new TelegramUploads(_clock);
        var gate = new TaskCompletionSource();

        async Task<Message> Blocked(InputFile file)
        {
            await gate.Task;
            throw new ApiRequestException("Forbidden: bot was blocked by the user", 403);
        }

        var first = uploads.SendAsync(Photo, Blocked, Upload);
        var waiting = uploads.SendAsync(Photo, Accept, Upload);
        gate.SetResult();

        await Assert.ThrowsAsync<ApiRequestException>(() => first);
        await waiting;
        await uploads.SendAsync(Photo, Accept, Upload);
        await uploads.SendAsync(Photo, Accept, Upload);

        Assert.Equal(2, _uploads);
        Assert.Equal(["upload", "id:tg-2", "id:tg-2"], _sent);
    }

    [Fact]
    public async Task An_id_Telegram_no_longer_takes_is_forgotten_and_the_file_uploaded_again()
    {
        var uploads = new TelegramUploads(_clock);
        await uploads.SendAsync(Photo, Accept, Upload);

        Task<Message> Refuses(InputFile file) => file is InputFileId
            ? throw new ApiRequestException("Bad Request: wrong file identifier/HTTP URL specified", 400)
            : Accept(file);

        await uploads.SendAsync(Photo, Refuses, Upload);
        await uploads.SendAsync(Photo, Accept, Upload);

        Assert.Equal(["upload", "upload", "id:tg-2"], _sent);
    }

    [Fact]
    public async Task An_id_older_than_the_keep_is_not_used_and_another_file_is_uploaded_apart()
    {
        var uploads = new TelegramUploads(_clock);
        await uploads.SendAsync(Photo, Accept, Upload);
        await uploads.SendAsync(Photo with { Source = "fedcba9876543210fedcba9876543210" }, Accept, Upload);
        _clock.Advance(TelegramUploads.Keep + TimeSpan.FromSeconds(1));
        await uploads.SendAsync(Photo, Accept, Upload);
        await uploads.SendAsync(Photo, Accept, Upload);

        Assert.Equal(["upload", "upload", "upload", "id:tg-3"], _sent);
    }
}
