using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Antq.Testing;

public sealed partial class FakeBotApi
{
    private readonly Lock _updatesGate = new();
    private readonly List<(long Id, string Json)> _updates = [];
    private TaskCompletionSource _updatesChanged = NewSignal();
    private long _lastUpdateId;
    private long _confirmedOffset;
    private int _getUpdatesCount;

    /// <summary>The highest positive <c>offset</c> any <c>getUpdates</c> call sent (0 before the first).</summary>
    public long ConfirmedOffset => Interlocked.Read(ref _confirmedOffset);

    /// <summary>How many <c>getUpdates</c> requests arrived (including failed and still pending ones).</summary>
    public int GetUpdatesCount => Volatile.Read(ref _getUpdatesCount);

    /// <summary>Updates queued and not yet confirmed by an offset.</summary>
    public int PendingUpdateCount
    {
        get
        {
            lock (_updatesGate)
            {
                return _updates.Count;
            }
        }
    }

    /// <summary>
    /// Queues an update (a JSON object as Telegram sends it, see <see cref="UpdateFactory"/>) for
    /// <c>getUpdates</c>; wakes pending long polls. Without <c>update_id</c> the next free id is used.
    /// </summary>
    public void EnqueueUpdate(string updateJson)
    {
        ArgumentNullException.ThrowIfNull(updateJson);
        var update = JsonNode.Parse(updateJson) as JsonObject ?? throw new ArgumentException("An update must be a JSON object.", nameof(updateJson));
        EnqueueUpdate(update);
    }

    /// <inheritdoc cref="EnqueueUpdate(string)"/>
    public void EnqueueUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_updatesGate)
        {
            long id;
            if (update["update_id"] is null)
            {
                id = _lastUpdateId + 1;
                update = (JsonObject)update.DeepClone();
                update["update_id"] = id;
            }
            else
            {
                id = ReadLong(update, "update_id") ?? throw new ArgumentException("update_id must be an integer.", nameof(update));
            }

            _lastUpdateId = Math.Max(_lastUpdateId, id);
            _updates.Add((id, update.ToJsonString()));
        }

        Signal(ref _updatesChanged);
    }

    private async Task<JsonNode> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        Interlocked.Increment(ref _getUpdatesCount);
        var offset = ReadLong(body, "offset") ?? 0;
        var limit = (int)Math.Clamp(ReadLong(body, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, ReadLong(body, "timeout") ?? 0));
        if (timeout > MaxLongPollTimeout)
        {
            timeout = MaxLongPollTimeout;
        }

        if (offset > 0)
        {
            long seen;
            while ((seen = Interlocked.Read(ref _confirmedOffset)) < offset && Interlocked.CompareExchange(ref _confirmedOffset, offset, seen) != seen)
            {
            }
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        wait.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_updatesGate)
            {
                var batch = TakeBatch(offset, limit);
                if (batch.Count > 0 || timeout == TimeSpan.Zero || wait.IsCancellationRequested)
                {
                    return batch;
                }

                changed = _updatesChanged.Task;
            }

            try
            {
                await changed.WaitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                // Timeout elapsed or the fake is stopping: answer with whatever is there (usually nothing).
                timeout = TimeSpan.Zero;
            }
        }
    }

    /// <summary>Applies the offset (confirming older updates) and returns up to <paramref name="limit"/> updates. Caller holds the lock.</summary>
    private JsonArray TakeBatch(long offset, int limit)
    {
        if (offset > 0)
        {
            _updates.RemoveAll(u => u.Id < offset);
        }
        else if (offset < 0 && _updates.Count > -offset)
        {
            // Negative offset: keep only the last -offset updates, forgetting the earlier ones.
            _updates.RemoveRange(0, _updates.Count - (int)Math.Min(-offset, int.MaxValue));
        }

        var batch = new JsonArray();
        foreach (var (_, json) in _updates.Take(limit))
        {
            batch.Add(JsonNode.Parse(json));
        }

        return batch;
    }

    /// <summary>An integer parameter that may come as a JSON number or as a string (form and query parameters).</summary>
    private static long? ReadLong(JsonObject body, string name) => body[name] switch
    {
        // ToJsonString works whatever CLR type backs the value (parsed JsonElement, int, long, double…).
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => ParseLong(v.ToJsonString()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => ParseLong(v.GetValue<string>()),
        _ => null,
    };

    private static long? ParseLong(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d
        : null;
}
