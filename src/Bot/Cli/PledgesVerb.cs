using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Pledges;
using Antq.Core.Storage;
using Antq.Core.Texts;

namespace Antq.Bot.Cli;

/// <summary><c>pledges import|coverage</c>: paper pledges into the database, and what the campaign reached.</summary>
public static class PledgesVerb
{
    public const string Usage = """
        pledges import FILE.csv [--skip-invalid]
            Loads paper pledges. The file is UTF-8 (a byte-order mark is fine) with the header
            kind,name,address,ward,unit,types,signed_on — kind: household, business, school or individual
            (for school, address is the school); types: traffic;security;fireworks;fire; signed_on: YYYY-MM-DD.
            Every row is checked first and each bad one printed with its line number; nothing is imported
            if any row is bad, unless --skip-invalid is given. A pledge already recorded (the same signer,
            however typed, type and year) is not added again, so importing a file twice adds nothing.
        pledges coverage [--year YYYY] [--ward WARD] [--format text|csv]
            Households, businesses, teachers and students, and individuals who signed, pledges by type,
            and units with at least one pledge, per ward and unit. The year defaults to the campaign's
            (config/pledges.json); WARD is a name as in config/areas.json (with or without diacritics) or its id.
        """;

    public static async Task<int> RunAsync(string[] args, AntqDb db, AreaTree areas, PledgeCatalog catalog, TextWriter output, CancellationToken cancellationToken)
    {
        var sub = args.FirstOrDefault();
        switch (sub)
        {
            case "import":
                return await ImportAsync(args[1..], db, areas, catalog, output, cancellationToken);
            case "coverage":
                return await CoverageAsync(args[1..], db, areas, catalog, output, cancellationToken);
            case null or "--help" or "-h":
                await output.WriteLineAsync(Usage);
                return sub is null ? 2 : 0;
            default:
                throw new CliException($"unknown command 'pledges {sub}'");
        }
    }

    private static async Task<int> ImportAsync(string[] args, AntqDb db, AreaTree areas, PledgeCatalog catalog, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var options = CliArguments.Parse(args.Where(a => a != file), [], ["skip-invalid"]);
        if (options.Help)
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (file is null)
        {
            throw new CliException("the CSV file to import is missing: pledges import FILE.csv");
        }

        if (!File.Exists(file))
        {
            throw new CliException($"no file '{file}'");
        }

        ImportResult result;
        try
        {
            result = await new PaperPledgeImport(areas, catalog, TimeProvider.System).RunAsync(db, await File.ReadAllBytesAsync(file, cancellationToken), options.Has("skip-invalid"), cancellationToken);
        }
        catch (FormatException ex)
        {
            throw new CliException($"{file}: {ex.Message}; nothing was imported");
        }

        var texts = TextCatalog.LoadEmbedded();
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync($"line {problem.Line}: {problem.Describe(texts, "en")}");
        }

        if (!result.Imported)
        {
            throw new CliException($"{result.Problems.Count} of {result.Rows} row(s) are bad; nothing was imported. Fix them, or give --skip-invalid to import the other rows");
        }

        await output.WriteLineAsync(
            $"Read {result.Rows} row(s): added {result.Added} pledge(s); {result.AlreadySigned} already signed (not added again); {result.Problems.Count} bad row(s) skipped.");
        return 0;
    }

    private static async Task<int> CoverageAsync(string[] args, AntqDb db, AreaTree areas, PledgeCatalog catalog, TextWriter output, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, ["year", "ward", "format"]);
        if (options.Help)
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        var year = catalog.Campaign.Year;
        if (options.Get("year") is { } y && (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2100))
        {
            throw new CliException($"--year must be a year such as {catalog.Campaign.Year} (got '{y}')");
        }

        Ward? ward = null;
        if (options.Get("ward") is { } wardName)
        {
            ward = areas.FindWard(wardName) ?? throw new CliException($"no ward or commune '{wardName}' in the area file; known: {string.Join(", ", areas.Wards.Select(w => w.Name))}");
        }

        var format = options.Get("format") ?? "text";
        if (format is not ("text" or "csv"))
        {
            throw new CliException($"--format must be text or csv (got '{format}')");
        }

        var report = await PledgeCoverage.BuildAsync(db, areas, catalog, year, ward, cancellationToken);
        await output.WriteAsync(format == "csv"
            ? CoverageCsv.Render(report)
            : CoverageText.Render(report, TextCatalog.LoadEmbedded(), "en", areas.CityName) + Environment.NewLine);
        return 0;
    }
}
