using Antq.Core.Conversations;

namespace Antq.Bot.WebConsole;

/// <summary>
/// Stores a photo an officer uploaded for a broadcast (already re-encoded) under <paramref name="Id"/>, a fresh random
/// id, as theirs: the broadcast they send names it, and residents' channels fetch it from the database.
/// </summary>
public sealed record KeepConsolePhoto(string Id, byte[] Bytes) : DomainChange;
