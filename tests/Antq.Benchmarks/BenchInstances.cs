using System.Globalization;

namespace Antq.Benchmarks;

/// <summary>
/// How many instances of the service a benchmark runs on the one database (<c>--instances N</c>, PostgreSQL only: SQLite
/// allows one writer process). Given at all, even as 1, it selects the cluster's set-up, so that one and two instances
/// are compared on the same footing: <c>saturation</c> then takes its updates through the webhook (with long polling
/// only one instance polls, so a second instance cannot help inbound there), and the figures go to sections of their
/// own (<c>saturation-postgres-1</c>, <c>saturation-postgres-2</c>, …) beside the polling ones.
/// </summary>
internal static class BenchInstances
{
    public const string Flag = "--instances";
    public const int Max = 2;

    /// <summary>The instances to start (1 without the flag).</summary>
    public static int Count { get; private set; } = 1;

    /// <summary>True when <c>--instances</c> was given: the cluster's set-up and its sections.</summary>
    public static bool Given { get; private set; }

    /// <summary>Saturation posts its updates to the instances' webhooks rather than handing them out by getUpdates.</summary>
    public static bool Webhook => Given;

    /// <summary>
    /// Reads <c>--instances N</c>; an error message when it cannot be honoured (not 1 or 2, not on PostgreSQL, or a mode
    /// that does not take it), otherwise null.
    /// </summary>
    public static string? Read(string[] args, string mode)
    {
        var index = Array.IndexOf(args, Flag);
        if (index < 0)
        {
            return null;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > Max)
        {
            return $"{Flag} takes 1 or {Max}.";
        }

        if (!BenchDatabase.OnPostgres)
        {
            return $"{Flag} needs {BenchDatabase.Flag}: several instances share a PostgreSQL database (SQLite allows one instance).";
        }

        if (mode is not ("saturation" or "broadcast"))
        {
            return $"{Flag} runs with saturation or broadcast only.";
        }

        Count = count;
        Given = true;
        return null;
    }

    /// <summary>The section name's suffix ("-2"), empty without the flag.</summary>
    public static string SectionSuffix => Given ? "-" + Count.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>" , 2 instances (webhook)" and the like for titles; empty without the flag.</summary>
    public static string TitleSuffix(bool webhook) => !Given ? "" : $", {Instances(Count)}{(webhook ? " (webhook)" : "")}";

    /// <summary>What the saturation set-up is, for the log and the section's header.</summary>
    public static string SaturationSetUp() => !Given
        ? "Updates are handed out by the fake's getUpdates (long polling)."
        : $"{Capital(Instances(Count))} of the service (AntqHost, {(Count > 1 ? "each " : "")}with its own HTTP listener, writer lanes, dispatcher and instance id, {(Count > 1 ? "both " : "")}in this process) on one PostgreSQL database, in webhook mode (`Telegram:Mode` Webhook, the secret header checked as Telegram sends it). The load generator posts the updates to the webhook{(Count > 1 ? "s, each resident's alternately to the two instances (step k of resident r to instance (r + k) mod 2, so every chat's turns move between instances)" : "")}, over at most {WebhookFeed.ConnectionsPerInstance} connections per instance (Telegram's default `max_connections`); a post returns once the update is stored. The replies all reach the one fake Bot API.{(Count > 1 ? " The write gate's held time and the writer's breakdown are summed over the instances." : "")}";

    /// <summary>What the broadcast set-up is with the flag, for the section's header; empty without it.</summary>
    public static string BroadcastSetUp() => !Given
        ? ""
        : $" {Capital(Instances(Count))} of the service on one PostgreSQL database{(Count > 1 ? ", both in this process, sending through one bot token: they lease the outbox with `SKIP LOCKED` and take the channel's send slots (`channel_slots`) from the database, so the rate limit holds for the two together" : "")}; the probes' updates go by long polling (one instance polls). The busiest second is the most broadcast messages the fake server stamped in any rolling one-second window; what each instance sent is its own `antq_messages_sent` (the probes' replies included).";

    public static string Instances(int count) => count == 1 ? "one instance" : $"{(count == 2 ? "two" : count.ToString(CultureInfo.InvariantCulture))} instances";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
