using Antq.Core.Channels;
using global::Telegram.Bot;

namespace Antq.Bot.Channels.Telegram;

/// <summary>Downloads a file a resident sent: getFile for its path, then the file itself (Telegram's 20 MB limit applies).</summary>
public sealed class TelegramFiles(ITelegramBotClient bot) : IChannelFiles
{
    public string Channel => TelegramChannel.ChannelName;

    public async Task DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
    {
        var file = await bot.GetFile(fileId, cancellationToken);
        if (file.FilePath is null)
        {
            throw new IOException("Telegram gave no path for the file.");
        }

        await bot.DownloadFile(file.FilePath, destination, cancellationToken);
    }
}
