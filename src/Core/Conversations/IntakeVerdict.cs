namespace Antq.Core.Conversations;

/// <summary>What becomes of one update at intake (<see cref="IntakeLimiter"/>).</summary>
public enum IntakeVerdict
{
    /// <summary>Handled and answered as usual.</summary>
    Answer,

    /// <summary>Over the limit, the first in its window: not handled, the resident is asked to slow down.</summary>
    SlowDown,

    /// <summary>Over the limit: marked handled with no answer (the resident was already asked to slow down).</summary>
    Skip,
}
