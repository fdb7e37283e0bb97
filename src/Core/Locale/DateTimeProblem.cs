namespace Antq.Core.Locale;

/// <summary>Why a typed date and time was not taken.</summary>
public enum DateTimeProblem
{
    None,

    /// <summary>Not a date and time as people write them ("next-ish", "20/13 7h", "abc").</summary>
    Unreadable,

    /// <summary>A day without a time of day ("mai", "20/12").</summary>
    NoTime,

    /// <summary>A moment that has already passed ("hôm nay 7h" in the afternoon, "1/1/2020 8:00").</summary>
    Past,

    /// <summary>A day still to come where one that has been is asked for (a tip's "mai", "31/12/2099").</summary>
    Future,
}
