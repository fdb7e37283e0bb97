namespace Antq.Core.Tips;

/// <summary>How many tips the sender has sent in the last hour and day (for the per-resident limits).</summary>
public sealed record TipUsage(int LastHour, int LastDay);
