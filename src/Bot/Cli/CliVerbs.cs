using System.Diagnostics;
using Antq.Bot.Hosting;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Bot.Cli;

/// <summary>
/// The operator's one-off commands against the configured database: they print what they did and exit;
/// bad input prints a message and exits with 2. With no verb, the service runs.
/// </summary>
public static class CliVerbs
{
    public const string Usage = """
        Antq.Bot: the community safety chatbot service (dotnet run --project src/Bot -- …, or the published binary).

        Antq.Bot [--Section:Key value …]
            Runs the service. Settings come from config/appsettings.json, then environment variables
            (Section__Key), then the command line; one service per database (a second one refuses to start).
        Antq.Bot VERB … [--help]
            Does one operator's task against the configured database and exits (beside the running service too):

        """;

    private static readonly string[] Verbs = ["officers", "pledges", "report", "copy-to-postgres", "commands"];

    /// <summary>
    /// A verb, a help request, or a word that is neither (a mistyped verb): all handled here, so none of them starts a
    /// second service. Settings ("--Key value", "Key=value") run the service.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (AsksForHelp(args) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        try
        {
            if (args[0] is "help" || args[0].StartsWith('-'))
            {
                await output.WriteLineAsync(Usage + OfficersVerb.Usage + "\n" + PledgesVerb.Usage + "\n" + ReportVerb.Usage + "\n" + CopyToPostgresVerb.Usage + "\n" + CommandsVerb.Usage);
                return 0;
            }

            if (!Verbs.Contains(args[0]))
            {
                throw new CliException($"unknown verb '{args[0]}'; the verbs are {string.Join(", ", Verbs)}");
            }

            // Help never needs the database: it is printed before anything is opened or created.
            if (AsksForHelp(args))
            {
                await output.WriteLineAsync(args[0] switch { "officers" => OfficersVerb.Usage, "pledges" => PledgesVerb.Usage, "copy-to-postgres" => CopyToPostgresVerb.Usage, "commands" => CommandsVerb.Usage, _ => ReportVerb.Usage });
                return 0;
            }

            if (args[0] == "commands")
            {
                return await CommandsAsync(args, output);
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = ContentRoot.Find() });
            builder.AddAntqConfiguration(args.Where(IsSetting).ToArray());
            var configuration = builder.Configuration;
            var root = builder.Environment.ContentRootPath;
            var areas = AreaTreeLoader.Load(HostingRegistration.ContentPath(configuration, root, "Content:AreasFile", "config/areas.json"));
            var provider = HostingRegistration.Provider(configuration);
            if (args[0] == "copy-to-postgres")
            {
                return provider == DatabaseProvider.Sqlite
                    ? await CopyToPostgresVerb.RunAsync(args[1..].Where(a => !IsSetting(a)).ToArray(), HostingRegistration.SqliteConnectionString(configuration.GetConnectionString("Antq"), root), output, cancellationToken)
                    : throw new CliException("copy-to-postgres copies from SQLite, but Database:Provider is already Postgres");
            }

            var connection = provider == DatabaseProvider.Postgres
                ? HostingRegistration.PostgresConnectionString(configuration.GetConnectionString("Antq"))
                : HostingRegistration.SqliteConnectionString(configuration.GetConnectionString("Antq"), root);
            var factory = new ContextFactory(() => StorageRegistration.CreateContext(provider, connection));
            await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(cancellationToken);
            await using var db = StorageRegistration.CreateContext(provider, connection);
            return args[0] switch
            {
                "officers" => await OfficersVerb.RunAsync(args[1..].Where(a => !IsSetting(a)).ToArray(), db, areas, output, cancellationToken),
                "pledges" => await PledgesVerb.RunAsync(args[1..].Where(a => !IsSetting(a)).ToArray(), db, areas, PledgeCatalog.Load(HostingRegistration.ContentPath(configuration, root, "Content:PledgesFile", "config/pledges.json")), output, cancellationToken),
                "report" => await ReportVerb.RunAsync(
                    args[1..].Where(a => !IsSetting(a)).ToArray(), db, areas,
                    TipCatalog.Load(HostingRegistration.ContentPath(configuration, root, "Content:TipCategoriesFile", "config/tip-categories.json")),
                    PledgeCatalog.Load(HostingRegistration.ContentPath(configuration, root, "Content:PledgesFile", "config/pledges.json")),
                    (configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new()).FestivalTitleWords, output, cancellationToken),
                _ => throw new UnreachableException(),
            };
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            await error.WriteLineAsync("Run with --help to see how to use it.");
            return 2;
        }
        catch (Exception ex) when (AntqHost.StartupProblem(ex) is { } problem)
        {
            await error.WriteLineAsync("error: " + problem);
            return 2;
        }
    }

    /// <summary>
    /// The menu comes from the service's own composition (the routes that run the commands, the text catalog), built but
    /// never started: no database is opened, and throwaway keys stand in for the ones the service would create on disk.
    /// </summary>
    private static async Task<int> CommandsAsync(string[] args, TextWriter output)
    {
        var (channel, language) = CommandsVerb.Parse(args[1..].Where(a => !IsSetting(a)).ToArray());
        var throwaway = new Dictionary<string, string?>
        {
            ["Tips:RouteKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["WebChat:IdentityKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        await using var app = AntqHost.Build(args.Where(IsSetting).ToArray(), b => b.Configuration.AddInMemoryCollection(throwaway));
        await output.WriteAsync(CommandsVerb.Render(channel, language, app.Services.GetRequiredService<CommandMenu>(), app.Services.GetRequiredService<TextCatalog>()));
        return 0;
    }

    private static bool AsksForHelp(string[] args) => args.Contains("--help") || args.Contains("-h");

    // Configuration given on the command line ("--ConnectionStrings:Antq=…") is not a verb option.
    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);
}
