using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// An officer's own command menu in their Telegram chat (scope: that chat), in the officers' language: set for every
/// known officer at start and for a new one when they join. Residents keep the menu for everyone.
/// </summary>
public sealed partial class TelegramOfficerMenus(ITelegramBotClient bot, CommandMenu commands, TextCatalog texts, IDbContextFactory<AntqDb> dbFactory, ILogger<TelegramOfficerMenus> logger) : IOfficerMenus
{
    public void Show(Officer officer)
    {
        if (officer.Channel == TelegramChannel.ChannelName)
        {
            // Not awaited: the officer's turn does not wait on Telegram; a failure is logged and changes no right.
            _ = SetAsync(officer.ChatId, officer.Role == OfficerRole.Admin, CancellationToken.None);
        }
    }

    /// <summary>Sets the menu of every officer on Telegram (at start: officers added on the command line too).</summary>
    public async Task ShowKnownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var officers = await db.Officers.AsNoTracking().Where(o => o.Channel == TelegramChannel.ChannelName)
                .Select(o => new { o.ChatId, o.Role }).ToListAsync(cancellationToken);
            foreach (var officer in officers)
            {
                await SetAsync(officer.ChatId, officer.Role == OfficerRole.Admin, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex.GetType().Name);
        }
    }

    private async Task SetAsync(string chatId, bool admin, CancellationToken cancellationToken)
    {
        try
        {
            var menu = commands.OfficerMenu(texts, admin).Select(c => new BotCommand(c.Name, c.Description));
            await bot.SetMyCommands(menu, BotCommandScope.Chat(long.Parse(chatId, System.Globalization.CultureInfo.InvariantCulture)), cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An officer's Telegram command menu could not be set ({Error})")]
    private static partial void LogFailed(ILogger logger, string error);
}
