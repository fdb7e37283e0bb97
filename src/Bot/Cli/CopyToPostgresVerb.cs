using Antq.Bot.Hosting;
using Antq.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Bot.Cli;

/// <summary><c>copy-to-postgres</c>: moves a city from its SQLite file to an empty PostgreSQL database.</summary>
public static class CopyToPostgresVerb
{
    public const string Usage = """
        copy-to-postgres --to "Host=…;Database=…;Username=…;Password=…"
            Copies the SQLite database (ConnectionStrings:Antq) into an EMPTY PostgreSQL database: creates its tables,
            copies every row in one transaction (a bulk load: indexes built and tallies counted after the rows), then
            checks the row count of each table and the report's tallies.
            A target that already has data is refused; a copy that does not check out keeps nothing. Stop the service
            first (the copy refuses to run while it holds the database). Afterwards set Database:Provider=Postgres and
            ConnectionStrings:Antq to the new database. Scheduled work (broadcasts, reminders) lives in the copied
            tables; Quartz's own tables are created again at the first start.
        """;

    public static async Task<int> RunAsync(string[] args, string sqliteConnectionString, TextWriter output, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, ["to"]);
        if (options.Help)
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        string target;
        try
        {
            target = HostingRegistration.PostgresConnectionString(options.Required("to"));
        }
        catch (ConfigurationProblemException ex)
        {
            throw new CliException("--to: " + ex.Message.Replace("ConnectionStrings:Antq", "the connection string", StringComparison.Ordinal));
        }

        var file = StorageRegistration.SqliteFile(sqliteConnectionString);
        if (file is null || !File.Exists(file))
        {
            throw new CliException($"there is no SQLite database to copy at {file ?? "(in memory)"}");
        }

        // The service must not write while the copy reads: it would leave those writes behind.
        using var running = new InstanceLock(file);
        await running.StartingAsync(cancellationToken);

        await using var source = StorageRegistration.CreateContext(DatabaseProvider.Sqlite, sqliteConnectionString);
        await using var destination = StorageRegistration.CreateContext(DatabaseProvider.Postgres, target);
        await new DatabaseInitializer(new ContextFactory(() => StorageRegistration.CreateContext(DatabaseProvider.Postgres, target)), NullLogger<DatabaseInitializer>.Instance)
            .InitializeAsync(cancellationToken);
        try
        {
            // A province's copy takes minutes: each table is named as it is done, with the time since the start.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var progress = new CopyProgress(line => output.WriteLine($"{clock.Elapsed:hh\\:mm\\:ss}  {line}"));
            var copied = await DatabaseCopy.CopyAsync(source, destination, progress, cancellationToken);
            await output.WriteLineAsync($"Copied {copied.Sum(c => c.Rows):N0} rows in {copied.Count} tables; row counts and report tallies check out.");
            await output.WriteLineAsync("Next: set Database:Provider=Postgres and ConnectionStrings:Antq to the new database, then start the service.");
            return 0;
        }
        catch (DatabaseCopyException ex)
        {
            throw new CliException(ex.Message);
        }
    }

}
