using Antq.Core.Areas;

namespace Antq.Core.Pledges;

/// <summary>One unit's counts.</summary>
public sealed record UnitCoverage(Unit Unit, CoverageCount Count);
