using Antq.Core.Conversations;

namespace Antq.Core.Events;

/// <summary>Moves an event: reminders still ahead are re-armed for the new time, and those coming are told.</summary>
public sealed record MoveEvent(long EventId, DateTime StartsAt, DateTime EndsAt) : DomainChange;
