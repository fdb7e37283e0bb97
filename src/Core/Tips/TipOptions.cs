namespace Antq.Core.Tips;

public sealed class TipOptions
{
    public const string Section = "Tips";

    public int MaxPerHour { get; set; } = 3;

    public int MaxPerDay { get; set; } = 10;

    /// <summary>
    /// Tips a day from one network (the web chat: one IP address, or one IPv6 /64), whatever the identities, so new
    /// cookies do not multiply tips to officers. High enough for a shared connection (a family, a café, mobile NAT).
    /// </summary>
    public int MaxPerNetworkPerDay { get; set; } = 20;

    /// <summary>Days after closing a tip when the way back to its tipster is deleted.</summary>
    public int RouteRetentionDays { get; set; } = 30;

    /// <summary>Base64 of 32 random bytes that seal the way back to tipsters; kept out of the database.</summary>
    public string RouteKey { get; set; } = "";

    /// <summary>Where a generated key is kept when <see cref="RouteKey"/> is not set (development only).</summary>
    public string RouteKeyFile { get; set; } = "data/keys/tip-route.key";

    public int MaxAttachments { get; set; } = 5;

    /// <summary>Telegram's download limit for bots.</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>/status lookups a resident may make in an hour.</summary>
    public int StatusLookupsPerHour { get; set; } = 10;

    /// <summary>An officers' group chat (Telegram chat id) that also gets every new tip; empty for none.</summary>
    public string? OfficersGroupChatId { get; set; }

    /// <summary>The channel of <see cref="OfficersGroupChatId"/>.</summary>
    public string OfficersGroupChannel { get; set; } = "telegram";

    /// <summary>Where tip attachments are archived (a folder of the service's data).</summary>
    public string AttachmentsDirectory { get; set; } = "data/attachments";

    /// <summary>Attempts to archive an attachment before officers are told it could not be kept.</summary>
    public int MaxDownloadAttempts { get; set; } = 5;

    /// <summary>How often waiting attachments are looked at.</summary>
    public TimeSpan DownloadInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often expired routes and old quota counts are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public int MinDescriptionLength { get; set; } = 10;

    public int MaxDescriptionLength { get; set; } = 2000;
}
