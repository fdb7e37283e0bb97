using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>
/// Counting tips per resident in five-minute slots (a sliding hour is then accurate to five minutes), without a
/// link from any tip to its sender.
/// </summary>
public static class TipQuota
{
    /// <summary>The start of the five-minute slot <paramref name="utc"/> falls in (the key of a count, <see cref="TipQuotaUse.Slot"/>).</summary>
    public static DateTime FiveMinuteSlotOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute / 5 * 5, 0, DateTimeKind.Utc);

    public static async Task CountAsync(AntqDb db, string residentKey, DateTime now, CancellationToken cancellationToken)
    {
        var slot = FiveMinuteSlotOf(now);
        var use = await db.TipQuota.SingleOrDefaultAsync(q => q.ResidentKey == residentKey && q.Slot == slot, cancellationToken);
        if (use is null)
        {
            db.TipQuota.Add(new TipQuotaUse { ResidentKey = residentKey, Slot = slot, Count = 1 });
        }
        else
        {
            use.Count++;
        }
    }
}
