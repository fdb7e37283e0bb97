using Antq.Core.Conversations;

namespace Antq.Core.Reports;

/// <summary>
/// /report: the summary of the officer's ward (any area for admins) for whole years, then the workbook and the charts;
/// with a <paramref name="File"/> (csv, json or xlsx, from a button under the summary) only that file.
/// </summary>
public sealed record ShowSummary(int FirstYear, int LastYear, string? Area, string? File = null) : ReadOnlyChange;
