namespace Antq.Benchmarks;

/// <summary>
/// Hands updates to the bot with strictly increasing ids: to the fake's getUpdates queue (so an offset never skips one
/// queued late), or, when the instances take them at their webhooks, posted to the instance the route picks.
/// </summary>
internal sealed class UpdateFeed(BotUnderTest bot)
{
    private readonly Lock _gate = new();
    private long _lastId;

    /// <summary>
    /// Queues or posts the update <paramref name="update"/> builds for the next id; <paramref name="route"/> picks the
    /// instance when posting (route mod the instances), and is ignored when polling. Returns the update's id.
    /// </summary>
    public long Enqueue(Func<long, string> update, int route = 0)
    {
        long id;
        string json;
        lock (_gate)
        {
            id = ++_lastId;
            json = update(id);
            if (bot.Webhook is null)
            {
                bot.Fake.EnqueueUpdate(json);
                return id;
            }
        }

        bot.Webhook.Post(route, json);
        return id;
    }

    /// <summary>Throws if a post to a webhook failed: the bot never got that update, so the run measures nothing.</summary>
    public void ThrowIfFailed()
    {
        if (bot.Webhook?.Error is { } error)
        {
            throw new InvalidOperationException("An update could not be posted to the webhook.", error);
        }
    }
}
