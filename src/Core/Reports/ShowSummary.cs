using Antq.Core.Conversations;

namespace Antq.Core.Reports;

/// <summary>/report: the summary of the officer's ward (any area for admins) for whole years, then the CSV and the chart.</summary>
public sealed record ShowSummary(int FirstYear, int LastYear, string? Area) : ReadOnlyChange;
