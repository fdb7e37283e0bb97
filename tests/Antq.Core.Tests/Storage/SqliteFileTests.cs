using Antq.Core.Storage;

namespace Antq.Core.Tests.Storage;

/// <summary>A real, migrated SQLite file in a folder of its own, with the storage services; removed after the test.</summary>
public abstract class SqliteFileTests() : DatabaseTests(DatabaseProvider.Sqlite);
