namespace Antq.Core.Pledges;

/// <summary>What an import did: rows read, pledges added, pledges found already signed, the bad rows, and whether anything was written.</summary>
public sealed record ImportResult(int Rows, int Added, int AlreadySigned, IReadOnlyList<ImportProblem> Problems, bool Imported);
