using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Serve the chat page and its API; on by default, so the service can be tried without a bot token.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Largest JSON post (a typed message, a button press, a location), in bytes.</summary>
    public int MaxPostBytes { get; set; } = 16 * 1024;

    /// <summary>Largest photo a visitor may attach, in bytes.</summary>
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Where attached photos are kept; relative to the repository (or image) root.</summary>
    public string UploadsFolder { get; set; } = Path.Combine("data", "webchat-uploads");

    /// <summary>Base64 of 32 random bytes that sign visitor cookies; empty: generated once into <see cref="IdentityKeyFile"/>.</summary>
    public string IdentityKey { get; set; } = "";

    /// <summary>Where the generated identity key is kept when <see cref="IdentityKey"/> is empty; relative to the root.</summary>
    public string IdentityKeyFile { get; set; } = Path.Combine("data", "keys", "webchat-identity.key");

    public WebChatRateLimit RateLimit { get; set; } = new();

    public WebChatUploadLimits Uploads { get; set; } = new();
}

/// <summary>How much visitors may upload, so that uploads never fill the disk the database lives on.</summary>
public sealed class WebChatUploadLimits
{
    /// <summary>Bytes one visitor may store in an hour (a tip's five photos fit).</summary>
    public long PerVisitorBytesPerHour { get; set; } = 30L * 1024 * 1024;

    /// <summary>Bytes all visitors together may store in an hour.</summary>
    public long BytesPerHour { get; set; } = 500L * 1024 * 1024;

    /// <summary>Largest total size of the uploads folder; set it well below the free space of the data volume.</summary>
    public long MaxFolderBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>An upload nothing uses (no tip, no message, no flow in progress) is deleted once this old.</summary>
    public TimeSpan KeepUnreferenced { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How often unused uploads are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(30);
}

public sealed class WebChatRateLimit
{
    /// <summary>Posts one visitor (one browser) may make a minute; short bursts of up to a third of it are allowed.</summary>
    public int PerVisitorPerMinute { get; set; } = 30;

    /// <summary>Posts one IP address may make a minute, all its visitors together.</summary>
    public int PerIpPerMinute { get; set; } = 300;

    /// <summary>Open event streams (pages listening for answers) one IP address may hold at once.</summary>
    public int StreamsPerIp { get; set; } = 50;
}

/// <summary>Stops start-up on a bad web chat setting, naming the key.</summary>
public sealed class WebChatOptionsValidation : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPostBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add($"WebChat:MaxPostBytes must be between 1024 and 1048576 (got {options.MaxPostBytes}).");
        }

        if (options.MaxPhotoBytes is < 1024 or > 50 * 1024 * 1024)
        {
            failures.Add($"WebChat:MaxPhotoBytes must be between 1024 and 52428800 (got {options.MaxPhotoBytes}).");
        }

        if (string.IsNullOrWhiteSpace(options.IdentityKeyFile))
        {
            failures.Add("WebChat:IdentityKeyFile must name a file.");
        }

        if (string.IsNullOrWhiteSpace(options.UploadsFolder))
        {
            failures.Add("WebChat:UploadsFolder must name a folder.");
        }

        var uploads = options.Uploads;
        if (uploads.PerVisitorBytesPerHour < options.MaxPhotoBytes || uploads.BytesPerHour < options.MaxPhotoBytes || uploads.MaxFolderBytes < options.MaxPhotoBytes)
        {
            failures.Add($"WebChat:Uploads:PerVisitorBytesPerHour, BytesPerHour and MaxFolderBytes must each be at least WebChat:MaxPhotoBytes ({options.MaxPhotoBytes}).");
        }

        if (uploads.KeepUnreferenced < TimeSpan.FromMinutes(10) || uploads.SweepInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("WebChat:Uploads:KeepUnreferenced must be at least 00:10:00 and WebChat:Uploads:SweepInterval at least 00:00:01.");
        }

        var rate = options.RateLimit;
        if (rate.PerVisitorPerMinute < 1 || rate.PerIpPerMinute < 1 || rate.StreamsPerIp < 1)
        {
            failures.Add("WebChat:RateLimit:PerVisitorPerMinute, PerIpPerMinute and StreamsPerIp must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
