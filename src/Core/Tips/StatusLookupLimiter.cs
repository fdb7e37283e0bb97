using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tips;

/// <summary>Limits /status lookups per resident per hour, so codes cannot be probed.</summary>
public sealed class StatusLookupLimiter(IOptions<TipOptions> options)
{
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _lookups = new();

    public bool TryTake(string channel, string userId, DateTime now)
    {
        var recent = _lookups.GetOrAdd(channel + "\n" + userId, _ => new Queue<DateTime>());
        lock (recent)
        {
            while (recent.Count > 0 && recent.Peek() <= now.AddHours(-1))
            {
                recent.Dequeue();
            }

            if (recent.Count >= options.Value.StatusLookupsPerHour)
            {
                return false;
            }

            recent.Enqueue(now);
            return true;
        }
    }
}
