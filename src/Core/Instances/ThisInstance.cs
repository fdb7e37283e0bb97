using System.Security.Cryptography;
using Antq.Core.Storage;

namespace Antq.Core.Instances;

/// <summary>
/// This process among those sharing the database: its id, written on every outgoing row it leases, and whether others
/// may share the database at all (PostgreSQL; a SQLite file has one process).
/// </summary>
public sealed class ThisInstance(StorageProvider storage)
{
    /// <summary>Random at start, 16 hex digits: short enough for every leased row, unlikely to meet another.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>True where several instances may run on the database: leases, pacing and take-backs are then shared through it.</summary>
    public bool Shared => !storage.IsSqlite;
}
