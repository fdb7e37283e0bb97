namespace Antq.Core.Conversations;

/// <summary>A shared contact; <see cref="UserId"/> is set when the contact is a user of the channel.</summary>
public sealed record ContactCard(string PhoneNumber, string? FirstName, string? LastName, string? UserId);
