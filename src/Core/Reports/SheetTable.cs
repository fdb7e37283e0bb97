namespace Antq.Core.Reports;

/// <summary>One sheet of the report's workbook: a header row of columns, then rows of values (numbers, dates or text).</summary>
public sealed record SheetTable(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>A column: its header in the reader's language, its Excel number format and its width in characters.</summary>
public sealed record SheetColumn(string Header, string Format, double Width)
{
    public const string Text = "@";
    public const string Count = "#,##0";
    public const string Decimal = "#,##0.0";
    public const string Percent = "0.0%";
    public const string Date = "dd/mm/yyyy";
}
