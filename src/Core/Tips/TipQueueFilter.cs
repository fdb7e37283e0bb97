namespace Antq.Core.Tips;

/// <summary>What an officer narrows the console's tips queue to (<see cref="TipQueue"/>); every part is optional.</summary>
public sealed record TipQueueFilter
{
    public TipStatus? Status { get; init; }

    public string? CategoryId { get; init; }

    /// <summary>Narrows an admin's city to one ward; an officer is always held to their own ward, whatever this says.</summary>
    public string? WardId { get; init; }

    public string? UnitId { get; init; }

    /// <summary>Local dates in Asia/Ho_Chi_Minh, inclusive, of when the tip arrived.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public bool WithAttachments { get; init; }

    public bool AssignedToMe { get; init; }

    /// <summary>A tracking code (matched exactly, any case, with or without its dash), or words that must all appear in the tip's text, diacritics and case aside.</summary>
    public string? Search { get; init; }

    /// <summary>Tips (the queue) or residents' questions to officers, which share the tips' table and thread.</summary>
    public TipKind Kind { get; init; } = TipKind.Tip;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Held between 1 and <see cref="TipQueue.MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 25;
}
