namespace Antq.Core.Audit;

/// <summary>What the console's audit log is narrowed to (<see cref="AuditLog"/>); every part is optional.</summary>
public sealed record AuditFilter
{
    /// <summary>A tracking code (that tip's history), or words of an officer's name, diacritics and case aside.</summary>
    public string? Search { get; init; }

    public AuditAction? Action { get; init; }

    /// <summary>Narrows an admin's city to one ward; an officer is always held to their own ward.</summary>
    public string? WardId { get; init; }

    /// <summary>Local dates in Asia/Ho_Chi_Minh, inclusive.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>1-based; at most <see cref="AuditLog.MaxPage"/>.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
