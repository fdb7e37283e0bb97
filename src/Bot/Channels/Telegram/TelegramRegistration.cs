using Antq.Core.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;

namespace Antq.Bot.Channels.Telegram;

public static class TelegramRegistration
{
    public const string OffMessage =
        "Telegram channel is off: no bot token is configured. To turn it on, set Telegram:BotToken " +
        "(environment variable Telegram__BotToken) to the token @BotFather gave you, and restart.";

    /// <summary>The Telegram channel: client, sender, intake, start-up set-up and polling. Nothing when no token is set.</summary>
    public static WebApplicationBuilder AddTelegramChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().Bind(builder.Configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidation>();

        var options = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        // No per-request logging: it costs on every message sent, and the request URL carries the bot token.
        services.AddHttpClient(TelegramChannel.ChannelName).RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var baseUrl = string.IsNullOrWhiteSpace(settings.ApiBaseUrl) ? null : settings.ApiBaseUrl;

            // The dispatcher owns pacing: a 429 must reach it, not be slept on inside the client.
            var clientOptions = new TelegramBotClientOptions(settings.BotToken, baseUrl) { RetryThreshold = 0, RetryCount = 0 };
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramChannel.ChannelName);
            http.Timeout = TimeSpan.FromSeconds(settings.PollingTimeoutSeconds + 30);
            return new TelegramBotClient(clientOptions, http);
        });
        services.AddSingleton<TelegramUploads>();
        services.AddSingleton<IChannelSender, TelegramSender>();

        // The Bot API lets a bot download files of up to 20 MB.
        services.AddSingleton(new Antq.Core.Conversations.ChannelInputs { Channel = TelegramChannel.ChannelName, MaxFileBytes = 20L * 1024 * 1024 });
        services.AddSingleton<Antq.Core.Channels.IChannelFiles, TelegramFiles>();
        services.AddSingleton<TelegramIntake>();
        services.AddSingleton<TelegramOfficerMenus>();
        services.AddSingleton<Antq.Core.Officers.IOfficerMenus>(sp => sp.GetRequiredService<TelegramOfficerMenus>());
        services.AddSingleton<TelegramStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramStartup>());
        if (options.Mode == TelegramMode.Polling)
        {
            services.AddHostedService<TelegramPolling>();
        }

        return builder;
    }
}
