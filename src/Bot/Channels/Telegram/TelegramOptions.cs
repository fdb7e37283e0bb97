namespace Antq.Bot.Channels.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Empty: the Telegram channel is off.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>A Bot API server other than Telegram's (a local one, or the tests' fake); empty for Telegram's.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Long-polling wait, in seconds, for getUpdates.</summary>
    public int PollingTimeoutSeconds { get; set; } = 25;

    public bool PaidBroadcast { get; set; }

    public TelegramRateLimit RateLimit { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}

public enum TelegramMode
{
    Polling,
    Webhook,
}

public sealed class TelegramRateLimit
{
    public double PerSecond { get; set; } = 30;

    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages one chat may get at once before the per-chat rate applies.</summary>
    public int PerChatBurst { get; set; } = 3;

    public double PaidPerSecond { get; set; } = 1000;
}
