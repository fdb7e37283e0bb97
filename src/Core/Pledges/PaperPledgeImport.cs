using System.Globalization;
using System.Text;
using Antq.Core.Areas;
using Antq.Core.Storage;
using Antq.Core.Locale;

namespace Antq.Core.Pledges;

/// <summary>
/// Loads paper pledges from a CSV file (<see cref="Header"/>): every row is checked first; with any bad row
/// nothing is written unless bad rows may be skipped. A pledge already recorded (same signer however typed,
/// type and year, from paper or chat) is not added again, so importing a file twice adds nothing.
/// </summary>
public sealed class PaperPledgeImport(AntqDb db, AreaTree areas, PledgeCatalog catalog, TimeProvider time)
{
    public const string Header = "kind,name,address,ward,unit,types,signed_on";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text; a byte-order mark is fine, anything not UTF-8 is refused rather than read as mojibake.</summary>
    public static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" (byte {ex.Index + start + 1})" : "";
            throw new FormatException($"the file is not UTF-8{at}; it may be in Windows-1258 or another code page. Save it as \"CSV UTF-8\" and import again");
        }
    }

    public async Task<ImportResult> RunAsync(byte[] file, bool skipInvalid, CancellationToken cancellationToken)
    {
        var records = CsvRecords.Read(Decode(file)).ToList();
        if (records.Count == 0 || !string.Equals(string.Join(',', records[0].Fields.Select(f => f.Trim())), Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"the first line must be the header {Header}");
        }

        var problems = new List<ImportProblem>();
        var rows = new List<PaperRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            var row = Check(fields, out var problem);
            if (row is null)
            {
                problems.Add(new ImportProblem(line, problem!));
            }
            else
            {
                rows.Add(row);
            }
        }

        if (problems.Count > 0 && !skipInvalid)
        {
            return new ImportResult(records.Count - 1, 0, 0, problems, Imported: false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seen = new HashSet<(int, string, string)>();
        var added = new List<Pledge>();
        var already = 0;
        foreach (var row in rows)
        {
            var year = catalog.Campaign.YearOf(row.SignedOn);
            var key = row.Signer.Key;
            var earlier = await PledgeLedger.ActiveAsync(db, year, key, cancellationToken);
            foreach (var type in row.Types)
            {
                if (earlier.Any(e => e.TypeId == type.Id) || !seen.Add((year, key, type.Id)))
                {
                    already++;
                    continue;
                }

                var signedAt = TimeZoneInfo.ConvertTimeToUtc(row.SignedOn.ToDateTime(TimeOnly.MinValue), LocalTime.Zone);
                added.Add(PledgeLedger.New(type, row.Signer, row.Unit.WardId, row.Unit.Id, year, PledgeSource.Paper, signedAt));
            }
        }

        await PledgeLedger.AddAsync(db, added, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(records.Count - 1, added.Count, already, problems, Imported: true);
    }

    private PaperRow? Check(IReadOnlyList<string> fields, out string? problem)
    {
        problem = null;
        if (fields.Count != 7)
        {
            problem = $"expected 7 fields ({Header}), found {fields.Count}";
            return null;
        }

        var value = fields.Select(f => string.Join(' ', (VietnameseText.Nfc(f) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray();
        var kind = SignerKeys.Parse(value[0]);
        var types = value[5].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct().ToList();
        var ward = value[3].Length == 0 ? null : areas.FindWard(value[3]);
        problem = kind is null ? $"kind \"{value[0]}\" must be household, business, school or individual"
            : value[1].Length is < 2 or > 100 ? "name must be 2-100 characters"
            : value[2].Length is < 3 or > 200 ? (kind == SignerKind.School ? "address (the school) must be 3-200 characters" : "address must be 3-200 characters")
            : ward is null ? $"no ward or commune \"{value[3]}\" in the area file"
            : FindUnit(ward, value[4]) is null ? $"no unit \"{value[4]}\" in {ward.Name}"
            : types.Count == 0 ? "types is empty; use traffic, security, fireworks or fire, separated by ;"
            : types.FirstOrDefault(t => catalog.Find(t) is null) is { } unknown ? $"unknown pledge type \"{unknown}\" (known: {string.Join(", ", catalog.Types.Select(t => t.Id))})"
            : types.FirstOrDefault(t => !catalog.Find(t)!.AppliesTo(kind.Value)) is { } wrong ? $"pledge type \"{wrong}\" is not for {value[0]}"
            : !DateOnly.TryParseExact(value[6], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? $"signed_on \"{value[6]}\" must be a date written YYYY-MM-DD"
            : date > PledgeCampaign.Today(time.GetUtcNow().UtcDateTime) ? $"signed_on {value[6]} is in the future"
            : date.Year < 2000 ? $"signed_on {value[6]} is too long ago"
            : null;
        if (problem is not null)
        {
            return null;
        }

        var signer = kind == SignerKind.School
            ? new SignerDetails(SignerKind.School, value[1], null, null, value[2], null)
            : new SignerDetails(kind!.Value, value[1], value[2], kind == SignerKind.Business ? value[1] : null, null, null);
        return new PaperRow(signer, FindUnit(ward!, value[4])!, [.. types.Select(t => catalog.Find(t)!)], DateOnly.ParseExact(value[6], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static Unit? FindUnit(Ward ward, string idOrName)
    {
        var folded = VietnameseText.Fold(idOrName);
        return folded.Length == 0 ? null
            : ward.Units.FirstOrDefault(u => string.Equals(u.Id, idOrName, StringComparison.OrdinalIgnoreCase))
            ?? ward.Units.FirstOrDefault(u => VietnameseText.Fold(u.Name) == folded)
            ?? ward.Units.FirstOrDefault(u => VietnameseText.Fold(u.Name).EndsWith(" " + folded, StringComparison.Ordinal));
    }

    private sealed record PaperRow(SignerDetails Signer, Unit Unit, IReadOnlyList<PledgeType> Types, DateOnly SignedOn);
}
