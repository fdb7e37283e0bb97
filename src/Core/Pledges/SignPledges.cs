using Antq.Core.Conversations;

namespace Antq.Core.Pledges;

/// <summary>
/// Records the chosen pledges for the campaign year, each with the version of its text, and answers with the
/// receipt. A pledge the same signer (typed however) already made this year is not counted again: the
/// resident is told when it was signed.
/// </summary>
public sealed record SignPledges(SignerDetails Signer, string WardId, string UnitId, IReadOnlyList<string> Types, string Language) : DomainChange;
