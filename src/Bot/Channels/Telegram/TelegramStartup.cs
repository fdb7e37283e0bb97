using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// Tells Telegram who we are at start-up: the command menu in Vietnamese and English, and the webhook (or its
/// removal, for polling). Retries in the background until it succeeds; /readyz reports it.
/// </summary>
public sealed partial class TelegramStartup(ITelegramBotClient bot, IOptions<TelegramOptions> options, ILogger<TelegramStartup> logger) : BackgroundService
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
        await bot.SetMyCommands(Commands("vi"), cancellationToken: cancellationToken);
        await bot.SetMyCommands(Commands("vi"), languageCode: "vi", cancellationToken: cancellationToken);
        await bot.SetMyCommands(Commands("en"), languageCode: "en", cancellationToken: cancellationToken);
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

    private static BotCommand[] Commands(string language) => language == "en"
        ?
        [
            new("start", "Start or sign up"),
            new("menu", "Main menu"),
            new("tip", "Send a tip to the police"),
            new("status", "Status of a tip you sent"),
            new("pledge", "Sign this year's safety pledges"),
            new("mypledges", "Your pledges"),
            new("events", "Upcoming events"),
            new("info", "Emergency numbers, your area officer, Q&A"),
            new("ask", "Ask an officer a question"),
            new("notices", "Recent notices for your area"),
            new("settings", "Language, area, topics"),
            new("privacy", "What we keep about you"),
            new("delete_me", "Erase your data"),
            new("cancel", "Stop what you are doing"),
            new("help", "Help and emergency numbers"),
        ]
        :
        [
            new("start", "Bắt đầu hoặc đăng ký"),
            new("menu", "Danh mục chính"),
            new("tip", "Gửi tin báo cho công an"),
            new("status", "Tình trạng tin báo đã gửi"),
            new("pledge", "Ký cam kết năm nay"),
            new("mypledges", "Cam kết của tôi"),
            new("events", "Sự kiện sắp diễn ra"),
            new("info", "Số khẩn cấp, cán bộ khu vực, hỏi đáp"),
            new("ask", "Hỏi cán bộ công an"),
            new("notices", "Thông báo gần đây ở khu vực"),
            new("settings", "Ngôn ngữ, khu vực, nội dung theo dõi"),
            new("privacy", "Dữ liệu chúng tôi lưu về bạn"),
            new("delete_me", "Xoá dữ liệu của bạn"),
            new("cancel", "Dừng việc đang làm"),
            new("help", "Hướng dẫn và số khẩn cấp"),
        ];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram set-up failed ({Error}); trying again in {Seconds} s")]
    private static partial void LogSetupFailed(ILogger logger, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel ready ({Mode})")]
    private static partial void LogReady(ILogger logger, string mode);
}
