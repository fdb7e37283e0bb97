using Antq.Core;
using Antq.Core.Channels;
using Antq.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Zalo;

public static partial class ZaloRegistration
{
    public const string OffMessage =
        "Zalo channel is off: no Zalo app is configured. To turn it on, set Zalo:AppId, Zalo:SecretKey, Zalo:OaSecretKey " +
        "and Zalo:RefreshToken (environment variables Zalo__AppId, …) from the Zalo developer console, point the OA's " +
        "webhook at Zalo:WebhookPath, and restart.";

    /// <summary>The Zalo OA channel: API client, token store, sender, intake and files. Only the "off" line when no app id is set.</summary>
    public static WebApplicationBuilder AddZaloChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ZaloOptions.Section);
        services.AddOptions<ZaloOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidation>();
        services.AddHostedService<ZaloAnnouncement>();

        var options = section.Get<ZaloOptions>() ?? new ZaloOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        services.AddHttpClient<ZaloApi>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(ZaloFiles.HttpClientName, http => http.Timeout = TimeSpan.FromMinutes(2));
        services.AddSingleton(sp => new CredentialSeal(sp.GetRequiredService<CoreContent>().TipRouteKey));
        services.AddSingleton<ZaloTokens>();
        services.AddSingleton<ZaloKeyboards>();
        services.AddSingleton<ZaloActivity>();
        services.AddSingleton<ZaloIntake>();
        services.AddSingleton<IChannelSender, ZaloSender>();
        services.AddSingleton(new Antq.Core.Conversations.ChannelInputs { Channel = ZaloChannel.ChannelName, Place = Antq.Core.Conversations.PlaceSharing.MoreMenu });
        services.AddSingleton<Antq.Core.Channels.IChannelFiles, ZaloFiles>();
        return builder;
    }

    /// <summary>One clear line at start-up: where Zalo posts events, or how to turn the channel on.</summary>
    private sealed partial class ZaloAnnouncement(IOptions<ZaloOptions> options, ILogger<ZaloAnnouncement> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Enabled)
            {
                LogOn(logger, options.Value.WebhookPath);
            }
            else
            {
                LogOff(logger, OffMessage);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Zalo channel is on: events are received at {Path}")]
        private static partial void LogOn(ILogger logger, string path);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
        private static partial void LogOff(ILogger logger, string message);
    }
}
