using Antq.Core.Areas;

namespace Antq.Core.Pledges;

/// <summary>A paper-pledge file read and checked, nothing written yet: the rows that can be taken and the lines that cannot.</summary>
public sealed record PaperPledgeCheck(int Rows, IReadOnlyList<PaperPledgeRow> Valid, IReadOnlyList<ImportProblem> Problems);

/// <summary>One good row: who signed, where, which pledges, when.</summary>
public sealed record PaperPledgeRow(SignerDetails Signer, Unit Unit, IReadOnlyList<PledgeType> Types, DateOnly SignedOn);
