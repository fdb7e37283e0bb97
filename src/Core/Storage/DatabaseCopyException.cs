namespace Antq.Core.Storage;

/// <summary>A copy to PostgreSQL that cannot be made or does not check out; the message says why, for the operator.</summary>
public sealed class DatabaseCopyException(string message) : Exception(message);
