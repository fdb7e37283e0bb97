using System.IO.Compression;
using MiniExcelLibs;

namespace Antq.Bot.Tests.Reports;

/// <summary>A report's .xlsx opened as an officer's spreadsheet program would: its sheets, header rows and cells.</summary>
internal sealed class Workbook(byte[] bytes)
{
    public IReadOnlyList<string> Sheets
    {
        get
        {
            using var stream = new MemoryStream(bytes);
            return stream.GetSheetNames();
        }
    }

    /// <summary>The sheet's rows, each keyed by the header row's text.</summary>
    public IReadOnlyList<IDictionary<string, object?>> Rows(string sheet)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    public IDictionary<string, object?> Row(string sheet, string first) =>
        Rows(sheet).Single(r => Equals(r.Values.First(), first));

    public IReadOnlyList<string> Headers(string sheet) => [.. Rows(sheet)[0].Keys];

    /// <summary>The raw XML of a part, to check what a reader shows beyond values (frozen panes, number formats).</summary>
    public string Part(string path)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }
}
