namespace Antq.Core.Residents;

/// <summary>A resident known on one channel. Created when they consent (or refuse: then only the refusal is kept).</summary>
public sealed class Resident
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ExternalUserId { get; set; }

    public required string ChatId { get; set; }

    /// <summary>"vi" or "en".</summary>
    public required string Language { get; set; }

    public string? WardId { get; set; }

    public string? UnitId { get; set; }

    public Topics Topics { get; set; }

    public DateTime? ConsentedAt { get; set; }

    public DateTime? ConsentRefusedAt { get; set; }

    public ResidentStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool HasConsented => ConsentedAt is not null;
}
