namespace Antq.Core.Pledges;

/// <summary>A row of an import file that cannot be taken, with its line number and why.</summary>
public sealed record ImportProblem(int Line, string Reason);
