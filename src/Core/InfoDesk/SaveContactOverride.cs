using Antq.Core.Conversations;

namespace Antq.Core.InfoDesk;

/// <summary>An officer's update of a contact in their ward: stored over the file's value, shown to residents at once.</summary>
public sealed record SaveContactOverride(string EntryId, string Field, string Value, string Language) : DomainChange;
