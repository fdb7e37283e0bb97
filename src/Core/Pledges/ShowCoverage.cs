using Antq.Core.Conversations;

namespace Antq.Core.Pledges;

/// <summary>/coverage: the campaign's coverage of the officer's ward (all wards for admins), then the same numbers as a CSV file.</summary>
public sealed record ShowCoverage : ReadOnlyChange;
