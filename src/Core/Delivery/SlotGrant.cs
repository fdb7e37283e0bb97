namespace Antq.Core.Delivery;

/// <summary>The shared slots an instance took (each use named by slot and pass), or, when none was free, how long until one may be.</summary>
public sealed record SlotGrant(IReadOnlyList<(int Slot, long Pass)> Slots, TimeSpan Wait);
