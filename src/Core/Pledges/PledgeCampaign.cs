using Antq.Core.Locale;

namespace Antq.Core.Pledges;

/// <summary>The year's signing campaign: open from the first local day to the end of the last.</summary>
public sealed record PledgeCampaign(int Year, DateOnly Opens, DateOnly Closes)
{
    public bool IsOpen(DateTime utcNow) => Today(utcNow) is var today && today >= Opens && today <= Closes;

    public bool HasEnded(DateTime utcNow) => Today(utcNow) > Closes;

    /// <summary>When the next campaign opens: this one's opening if it has not come yet, else the same day next year.</summary>
    public DateOnly NextOpening(DateTime utcNow) => Today(utcNow) < Opens ? Opens : Opens.AddYears(1);

    /// <summary>The campaign year a paper pledge signed that day counts for.</summary>
    public int YearOf(DateOnly signedOn) => signedOn >= Opens && signedOn <= Closes ? Year : signedOn.Year;

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(LocalTime.ToLocal(utcNow));
}
