namespace Antq.Core.Officers;

/// <summary>A police officer or admin who uses the bot; their scope decides what they see and whom they reach.</summary>
public sealed class Officer
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ExternalUserId { get; set; }

    /// <summary>The private chat officer messages go to (on Telegram, the user id).</summary>
    public required string ChatId { get; set; }

    public required string DisplayName { get; set; }

    public OfficerRole Role { get; set; }

    /// <summary>The ward an officer serves; null for admins.</summary>
    public string? WardId { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>True when the officer may see and act on things of <paramref name="wardId"/>.</summary>
    public bool Covers(string? wardId) => Role == OfficerRole.Admin || (wardId is not null && WardId == wardId);
}
