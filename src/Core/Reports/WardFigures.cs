using Antq.Core.Areas;

namespace Antq.Core.Reports;

/// <summary>One ward's or commune's part of a city report over the whole period, to compare wards side by side.</summary>
public sealed record WardFigures(Ward Ward, int Pledges, int Tips, int Reached, int EventsHeld, int ActiveSubscribers)
{
    public bool IsEmpty => Pledges == 0 && Tips == 0 && Reached == 0 && EventsHeld == 0 && ActiveSubscribers == 0;
}
