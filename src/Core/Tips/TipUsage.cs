namespace Antq.Core.Tips;

/// <summary>
/// How many tips the sender has sent in the last hour and day (for the per-resident limits), and how many were sent
/// from the sender's network in the last day (where the channel knows it), so throwaway identities do not add up.
/// </summary>
public sealed record TipUsage(int LastHour, int LastDay, int NetworkLastDay = 0);
