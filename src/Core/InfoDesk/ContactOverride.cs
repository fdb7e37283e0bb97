namespace Antq.Core.InfoDesk;

/// <summary>An officer's own update of one field of a contact; <c>config/contacts.json</c> is only the seed.</summary>
public sealed class ContactOverride
{
    public long Id { get; set; }

    /// <summary>The <see cref="AreaContact.Id"/> it changes.</summary>
    public required string EntryId { get; set; }

    /// <summary>One of <see cref="AreaContact.Fields"/>.</summary>
    public required string Field { get; set; }

    public required string Value { get; set; }

    public long OfficerId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
