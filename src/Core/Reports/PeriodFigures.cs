using Antq.Core.Broadcasts;
using Antq.Core.Pledges;

namespace Antq.Core.Reports;

/// <summary>What the movement did in one year of a report (or the whole period), every number counted from stored rows.</summary>
public sealed record PeriodFigures
{
    public required ReportPeriod Period { get; init; }

    public IReadOnlyDictionary<BroadcastTopic, int> BroadcastsByTopic { get; init; } = new Dictionary<BroadcastTopic, int>();

    /// <summary>Deliveries of those broadcasts that were actually sent (not queued, failed or blocked).</summary>
    public int Reached { get; init; }

    public int EventsHeld { get; init; }

    /// <summary>Answers "coming" to those events.</summary>
    public int Rsvps { get; init; }

    /// <summary>Wards and communes that held a festival day.</summary>
    public int FestivalWards { get; init; }

    public IReadOnlyDictionary<string, int> TipsByCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Tips an officer marked useful (verified), closed since or not.</summary>
    public int TipsVerified { get; init; }

    public int TipsAnswered { get; init; }

    public TimeSpan? MedianFirstResponse { get; init; }

    /// <summary>Signers by kind: each counted once a year however many pledges they signed.</summary>
    public IReadOnlyDictionary<SignerKind, int> Signers { get; init; } = new Dictionary<SignerKind, int>();

    public IReadOnlyDictionary<string, int> PledgesByType { get; init; } = new Dictionary<string, int>();

    public int ChatPledges { get; init; }

    public int PaperPledges { get; init; }

    /// <summary>Units with at least one pledge.</summary>
    public int UnitsCovered { get; init; }

    /// <summary>Residents who subscribed (consented) in the period.</summary>
    public int NewSubscribers { get; init; }

    public int Broadcasts => BroadcastsByTopic.Values.Sum();

    public int Tips => TipsByCategory.Values.Sum();

    public int Pledges => ChatPledges + PaperPledges;

    public int SignersOf(SignerKind kind) => Signers.GetValueOrDefault(kind);

    /// <summary>Nobody reached, no event held, no tip, pledge or new subscriber (a city-wide broadcast that reached no one here is not news).</summary>
    public bool IsEmpty => Reached == 0 && EventsHeld == 0 && Tips == 0 && Pledges == 0 && NewSubscribers == 0;
}
