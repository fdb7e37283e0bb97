namespace Antq.Benchmarks;

/// <summary>One broadcast scenario: how the fake limits, how the bot is configured, what is expected.</summary>
internal sealed record BroadcastScenario(string Name, string Title, double? FakeLimit, IReadOnlyDictionary<string, string?> Settings, double TargetRate, int Probes)
{
    private static readonly Dictionary<string, string?> RealLimits = new()
    {
        // Telegram's real defaults (README's configuration table), instead of BotUnderTest's raised ones.
        ["Telegram:RateLimit:PerSecond"] = "30",
        ["Telegram:RateLimit:PerChatPerSecond"] = "1",
        ["Telegram:RateLimit:PerChatBurst"] = "3",
    };

    public static IReadOnlyList<BroadcastScenario> All { get; } =
    [
        new("limit30", "fake enforces 30 messages/s, bot at its default 30/s", 30, RealLimits, 0.97 * 30, Probes: 10),
        new("paid1000", "fake enforces 1,000 messages/s, bot in paid broadcast mode (1,000/s)", 1000,
            new Dictionary<string, string?>(RealLimits) { ["Telegram:PaidBroadcast"] = "true", ["Telegram:RateLimit:PaidPerSecond"] = "1000" }, 950, Probes: 0),
        new("unlimited", "fake without limit, bot limits raised (100,000/s overall, 1,000/s per chat)", null, new Dictionary<string, string?>(), 5000, Probes: 0),
    ];
}
