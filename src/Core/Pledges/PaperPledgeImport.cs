using System.Globalization;
using System.Text;
using Antq.Core.Areas;
using Antq.Core.Storage;
using Antq.Core.Locale;

namespace Antq.Core.Pledges;

/// <summary>
/// Loads paper pledges from a CSV file (<see cref="Header"/>): every row is checked first (<see cref="Check"/>); with any
/// bad row nothing is written unless bad rows may be skipped. A pledge already recorded (same signer however typed,
/// type and year, from paper or chat) is not added again, so importing a file twice adds nothing. Used by the
/// <c>pledges import</c> verb and, through <see cref="ImportPaperPledges"/>, by the officers' console.
/// </summary>
public sealed class PaperPledgeImport(AreaTree areas, PledgeCatalog catalog, TimeProvider time)
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

    /// <summary>The command line's import: checks, then writes in a transaction of its own.</summary>
    public async Task<ImportResult> RunAsync(AntqDb db, byte[] file, bool skipInvalid, CancellationToken cancellationToken)
    {
        var check = Check(file);
        if (check.Problems.Count > 0 && !skipInvalid)
        {
            return new ImportResult(check.Rows, 0, 0, check.Problems, Imported: false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await WriteAsync(db, check, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Reads and checks every row, writing nothing. With <paramref name="onlyWard"/> (an officer's import), a row of
    /// another ward is a bad row. Throws <see cref="FormatException"/> for a file that is not UTF-8 or lacks the header.
    /// </summary>
    public PaperPledgeCheck Check(byte[] file, Ward? onlyWard = null)
    {
        var records = CsvRecords.Read(Decode(file)).ToList();
        if (records.Count == 0 || !string.Equals(string.Join(',', records[0].Fields.Select(f => f.Trim())), Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"the first line must be the header {Header}");
        }

        var problems = new List<ImportProblem>();
        var rows = new List<PaperPledgeRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            var row = Check(fields, onlyWard, out var key, out var args);
            if (row is null)
            {
                problems.Add(new ImportProblem(line, key!, args));
            }
            else
            {
                rows.Add(row);
            }
        }

        return new PaperPledgeCheck(records.Count - 1, rows, problems);
    }

    /// <summary>Adds the good rows' pledges not recorded yet, in the caller's transaction; the bad rows are left out.</summary>
    public async Task<ImportResult> WriteAsync(AntqDb db, PaperPledgeCheck check, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(int, string, string)>();
        var added = new List<Pledge>();
        var already = 0;
        foreach (var row in check.Valid)
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
        return new ImportResult(check.Rows, added.Count, already, check.Problems, Imported: true);
    }

    private PaperPledgeRow? Check(IReadOnlyList<string> fields, Ward? onlyWard, out string? key, out object[] args)
    {
        static (string Key, object[] Args)? Bad(string key, params object[] args) => (key, args);
        (key, args) = (null, []);
        if (fields.Count != 7)
        {
            (key, args) = ("fields", [Header, fields.Count]);
            return null;
        }

        var value = fields.Select(f => string.Join(' ', (VietnameseText.Nfc(f) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray();
        var kind = SignerKeys.Parse(value[0]);
        var types = value[5].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct().ToList();
        var ward = value[3].Length == 0 ? null : areas.FindWard(value[3]);
        var problem = kind is null ? Bad("kind", value[0])
            : value[1].Length is < 2 or > 100 ? Bad("name")
            : value[2].Length is < 3 or > 200 ? Bad(kind == SignerKind.School ? "address_school" : "address")
            : ward is null ? Bad("ward", value[3])
            : onlyWard is not null && ward.Id != onlyWard.Id ? Bad("other_ward", ward.Name, onlyWard.Name)
            : FindUnit(ward, value[4]) is null ? Bad("unit", value[4], ward.Name)
            : types.Count == 0 ? Bad("types_empty")
            : types.FirstOrDefault(t => catalog.Find(t) is null) is { } unknown ? Bad("type_unknown", unknown, string.Join(", ", catalog.Types.Select(t => t.Id)))
            : types.FirstOrDefault(t => !catalog.Find(t)!.AppliesTo(kind.Value)) is { } wrong ? Bad("type_wrong", wrong, value[0])
            : !DateOnly.TryParseExact(value[6], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Bad("date", value[6])
            : date > PledgeCampaign.Today(time.GetUtcNow().UtcDateTime) ? Bad("future", value[6])
            : date.Year < 2000 ? Bad("too_old", value[6])
            : null;
        if (problem is { } found)
        {
            (key, args) = found;
            return null;
        }

        var signer = kind == SignerKind.School
            ? new SignerDetails(SignerKind.School, value[1], null, null, value[2], null)
            : new SignerDetails(kind!.Value, value[1], value[2], kind == SignerKind.Business ? value[1] : null, null, null);
        return new PaperPledgeRow(signer, FindUnit(ward!, value[4])!, [.. types.Select(t => catalog.Find(t)!)], DateOnly.ParseExact(value[6], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static Unit? FindUnit(Ward ward, string idOrName)
    {
        var folded = VietnameseText.Fold(idOrName);
        return folded.Length == 0 ? null
            : ward.Units.FirstOrDefault(u => string.Equals(u.Id, idOrName, StringComparison.OrdinalIgnoreCase))
            ?? ward.Units.FirstOrDefault(u => VietnameseText.Fold(u.Name) == folded)
            ?? ward.Units.FirstOrDefault(u => VietnameseText.Fold(u.Name).EndsWith(" " + folded, StringComparison.Ordinal));
    }
}
