using Antq.Bot.Operations;
using Antq.Core.Delivery;
using Antq.Core.Locale;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole.Pages.Admin;

/// <summary>
/// /console/admin/status: what /readyz knows (<see cref="ServiceReadiness"/>), the channels this process sends on, the
/// outbox's waiting messages by channel and kind (as <c>antq_outbox_queue_depth</c> counts them) and the last sending
/// errors — which channel, what kind, what the channel said; never to whom.
/// </summary>
public sealed class StatusModel(ConsoleTexts texts, DeliveryQueue queue, IEnumerable<IChannelSender> senders, IDbContextFactory<AntqDb> dbFactory) : AdminPage(texts)
{
    public const int ErrorCount = 10;

    /// <summary>The kinds a message waits as (an echo is written as sent, it never waits).</summary>
    public static readonly OutboxKind[] Kinds = [.. Enum.GetValues<OutboxKind>().Where(k => k != OutboxKind.Echo)];

    public ServiceReadiness Readiness { get; private set; } = null!;

    public IReadOnlyList<string> Channels { get; private set; } = [];

    public IReadOnlyDictionary<(string Channel, OutboxKind Kind), int> Depth { get; private set; } = new Dictionary<(string, OutboxKind), int>();

    public IReadOnlyList<SendingError> Errors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Readiness = await ServiceReadiness.ReadAsync(HttpContext.RequestServices, cancellationToken);
        var depth = await queue.DepthAsync(cancellationToken);
        Depth = depth;
        Channels = [.. senders.Select(s => s.Channel).Concat(depth.Keys.Select(k => k.Channel)).Distinct()];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Outbox.AsNoTracking().Where(o => o.LastError != null).OrderByDescending(o => o.Id).Take(ErrorCount)
            .Select(o => new { o.CreatedAt, o.Channel, o.Priority, o.Kind, o.Status, o.Attempts, o.LastError })
            .ToListAsync(cancellationToken);

        // A reply, a reminder and a broadcast are known by their priority (same numbers as the kind).
        Errors = [.. rows.Select(r => new SendingError(r.CreatedAt, r.Channel, r.Kind ?? (OutboxKind)(int)r.Priority, r.Status, r.Attempts, r.LastError!))];
    }

    public string Kind(OutboxKind kind) => T("adm_kind_" + kind.ToString().ToLowerInvariant());

    public string State(DeliveryStatus status) => T("adm_delivery_" + status.ToString().ToLowerInvariant());

    public string Time(DateTime utc) => LocalTime.Format(utc, Language);

    /// <summary>One message the channel refused or could not take, without its recipient or text.</summary>
    public sealed record SendingError(DateTime At, string Channel, OutboxKind Kind, DeliveryStatus Status, int Attempts, string Error);
}
