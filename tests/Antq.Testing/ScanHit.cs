namespace Antq.Testing;

/// <summary>One place a value was found: the table, the column and the row (its first column), and what it held.</summary>
public sealed record ScanHit(string Table, string Column, string Row, string Value)
{
    public override string ToString() => $"{Table}.{Column} (row {Row}): {(Value.Length > 120 ? Value[..120] + "…" : Value)}";
}
