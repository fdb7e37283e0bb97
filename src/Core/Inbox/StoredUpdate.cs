namespace Antq.Core.Inbox;

/// <summary>A stored update waiting to be handled, with what decides its lane.</summary>
public readonly record struct StoredUpdate(long Id, string Channel, string ChatId);
