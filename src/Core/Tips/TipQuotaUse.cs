namespace Antq.Core.Tips;

/// <summary>
/// How many tips one resident sent in one five-minute slot, for the per-resident limits. Keyed by a keyed hash of the
/// resident, counted by five-minute slot, with no tip id: it cannot tie a tip to its sender.
/// </summary>
public sealed class TipQuotaUse
{
    public long Id { get; set; }

    public required string ResidentKey { get; set; }

    /// <summary>The start (UTC) of the five-minute slot the tips were sent in (its column keeps its first name, "Hour").</summary>
    public DateTime Slot { get; set; }

    public int Count { get; set; }
}
