using Antq.Bot.Hosting;
using Antq.Core.Delivery;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

public static partial class WebChatRegistration
{
    /// <summary>The web chat channel: page, visitors, sender and limits. Nothing when <c>WebChat:Enabled</c> is false.</summary>
    public static WebApplicationBuilder AddWebChatChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(WebChatOptions.Section);
        services.AddOptions<WebChatOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidation>();

        var options = section.Get<WebChatOptions>() ?? new WebChatOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        var uploads = Path.IsPathRooted(options.UploadsFolder) ? options.UploadsFolder : Path.Combine(builder.Environment.ContentRootPath, options.UploadsFolder);
        services.AddSingleton(sp => new WebChatUploads(
            uploads, sp.GetRequiredService<Antq.Core.Channels.ChannelFileReferences>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<WebChatOptions>>()));
        services.AddSingleton<Antq.Core.Residents.IResidentDataEraser>(sp => sp.GetRequiredService<WebChatUploads>());
        services.AddSingleton<Antq.Core.Channels.IChannelFiles>(sp => sp.GetRequiredService<WebChatUploads>());
        services.AddHostedService<WebChatUploadSweep>();
        services.AddSingleton<WebChatAssets>();
        var root = builder.Environment.ContentRootPath;
        var key = SecretKey.Load(options.IdentityKey, "WebChat:IdentityKey", Path.IsPathRooted(options.IdentityKeyFile) ? options.IdentityKeyFile : Path.Combine(root, options.IdentityKeyFile));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebChatVisitors>(sp, key));
        services.AddSingleton<WebChatFeed>();
        if (Antq.Core.Storage.StorageRegistration.TryParseProvider(builder.Configuration["Database:Provider"], out var provider) && provider == Antq.Core.Storage.DatabaseProvider.Postgres)
        {
            // Several instances may share the database: a delivery on one wakes the visitor's page on another.
            services.AddHostedService<WebChatFeedRelay>();
        }

        services.AddSingleton<WebChatHistory>();
        services.AddSingleton<WebChatLimits>();
        services.AddSingleton<WebChatIntake>();
        services.AddSingleton<WebChatEchoes>();
        services.AddSingleton<IChannelSender, WebChatSender>();
        services.AddSingleton(sp => new Antq.Core.Conversations.ChannelInputs
        {
            Channel = WebChatChannel.ChannelName,
            Place = Antq.Core.Conversations.PlaceSharing.LocationButton,
            PhotosOnly = true,
            MaxFileBytes = sp.GetRequiredService<IOptions<WebChatOptions>>().Value.MaxPhotoBytes,
        });
        services.AddHostedService<WebChatAnnouncement>();
        return builder;
    }

    /// <summary>Once listening, one line with the address of the chat, so a newcomer knows where to click.</summary>
    private sealed partial class WebChatAnnouncement(IServer server, IHostApplicationLifetime lifetime, ILogger<WebChatAnnouncement> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
                {
                    LogChatUrl(logger, address.TrimEnd('/') + WebChatChannel.Path);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Web chat is on: open {Url} in a browser to talk to the bot")]
        private static partial void LogChatUrl(ILogger logger, string url);
    }
}
