using Antq.Core.Conversations;

namespace Antq.Core.Broadcasts;

/// <summary>The officer confirmed: the broadcast is stored and, if it is for now, expanded into deliveries at once.</summary>
public sealed record CreateBroadcast(BroadcastDraft Draft) : DomainChange;

/// <summary>/broadcasts: the officer's scheduled, paused and running broadcasts (an admin sees all); each opens its card.</summary>
public sealed record ListBroadcasts : DomainChange;

/// <summary>Cancels a scheduled or running broadcast: what is not sent yet is not sent.</summary>
public sealed record CancelBroadcast(long BroadcastId) : DomainChange;
