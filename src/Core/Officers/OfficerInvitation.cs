namespace Antq.Core.Officers;

/// <summary>A one-time code an admin creates so an officer can join from their phone; it expires and works once.</summary>
public sealed class OfficerInvitation
{
    /// <summary>How long a code can be redeemed.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromHours(72);

    /// <summary><see cref="CreatedByOfficerId"/> of a code made on the command line.</summary>
    public const long ByOperator = 0;

    public long Id { get; set; }

    /// <summary>SHA-256 of the code: the code itself is shown once and never stored.</summary>
    public required string CodeHash { get; set; }

    public OfficerRole Role { get; set; }

    public string? WardId { get; set; }

    public long CreatedByOfficerId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public long? UsedByOfficerId { get; set; }
}
