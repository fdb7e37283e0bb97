using Antq.Core.Areas;
using Antq.Core.Officers;

namespace Antq.Core.Reports;

/// <summary>Which summaries an officer may read: an admin any area, an officer their ward and its units. Shared by /report and the console.</summary>
public static class ReportScope
{
    /// <summary>The area read when none is named: the city for an admin, the officer's ward; null for an officer whose ward is unknown.</summary>
    public static ReportArea? Own(Officer officer, AreaTree areas) =>
        officer.Role == OfficerRole.Admin ? ReportArea.City : areas.FindWard(officer.WardId ?? "") is { } ward ? new ReportArea(ward, null) : null;

    /// <summary>Whether <paramref name="officer"/> (whose own area is <paramref name="own"/>) may read <paramref name="area"/>.</summary>
    public static bool Allows(Officer officer, ReportArea own, ReportArea area) => officer.Role == OfficerRole.Admin || area.WardId == own.WardId;
}
