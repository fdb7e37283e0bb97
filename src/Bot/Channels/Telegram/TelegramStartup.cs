using Antq.Core.Conversations;
using Antq.Core.Texts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// Tells Telegram who we are at start-up: the command menu in Vietnamese and English (from <see cref="CommandMenu"/>), and the webhook (or its
/// removal, for polling). Retries in the background until it succeeds; /readyz reports it.
/// </summary>
public sealed partial class TelegramStartup(ITelegramBotClient bot, IOptions<TelegramOptions> options, TextCatalog texts, CommandMenu commands, TelegramOfficerMenus officerMenus, ILogger<TelegramStartup> logger) : BackgroundService
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => _completed.Task;

    public bool IsReady => _completed.Task.IsCompletedSuccessfully;

    public string? LastError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SetUpAsync(stoppingToken);
                LastError = null;
                _completed.TrySetResult();
                await officerMenus.ShowKnownAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LastError = ex.GetType().Name + ": " + ex.Message;
                var delay = TimeSpan.FromSeconds(Math.Min(60, attempt * 2));
                LogSetupFailed(logger, LastError, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _completed.TrySetCanceled(stoppingToken);
    }

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // The menu without a language code is for users whose app language has no menu of its own.
        await bot.SetMyCommands(Commands(Languages.Default), cancellationToken: cancellationToken);
        await bot.SetMyCommands(Commands(Languages.Vietnamese), languageCode: "vi", cancellationToken: cancellationToken);
        await bot.SetMyCommands(Commands(Languages.English), languageCode: "en", cancellationToken: cancellationToken);
        if (settings.Mode == TelegramMode.Webhook)
        {
            await bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: TelegramPolling.Wanted, secretToken: settings.WebhookSecret, cancellationToken: cancellationToken);
            LogReady(logger, "webhook");
        }
        else
        {
            // getUpdates is refused while a webhook is set.
            await bot.DeleteWebhook(cancellationToken: cancellationToken);
            LogReady(logger, "long polling");
        }
    }

    private BotCommand[] Commands(string language) => [.. commands.Menu(texts, language).Select(c => new BotCommand(c.Name, c.Description))];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram set-up failed ({Error}); trying again in {Seconds} s")]
    private static partial void LogSetupFailed(ILogger logger, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel ready ({Mode})")]
    private static partial void LogReady(ILogger logger, string mode);
}
