using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Antq.Core.Reports;

/// <summary>
/// Writes the sheets as an Excel workbook (.xlsx) with MiniExcel (Apache-2.0): a frozen, styled header row, each
/// column's number format and width. MiniExcel is managed code with no native parts and streams what it writes,
/// so it lives in the core beside the CSV (the chart's drawing library, with native parts, stays in the host).
/// </summary>
public static class SummaryWorkbook
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Bytes(IReadOnlyList<SheetTable> tables)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in tables)
        {
            sheets[table.Name] = table.Rows.Select(row => table.Columns.Select((c, i) => (c.Header, Value: i < row.Count ? row[i] : null))
                .ToDictionary(cell => cell.Header, cell => cell.Value)).ToList();
        }

        // A header has one format and width in every sheet it appears in (the widest wins).
        var columns = tables.SelectMany(t => t.Columns).GroupBy(c => c.Header, StringComparer.Ordinal)
            .Select(g => new DynamicExcelColumn(g.Key) { Width = g.Max(c => c.Width), Format = g.First().Format == SheetColumn.Text ? null : g.First().Format })
            .ToArray();
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = false,
            DynamicColumns = columns,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }
}
