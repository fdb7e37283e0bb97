namespace Antq.Core.Tips;

/// <summary>The choices a resident makes with buttons while writing a tip (besides the category).</summary>
public enum TipChoice
{
    PlaceMine,
    PlaceOther,
    WhenNow,
    WhenToday,
    WhenEarlier,
    Anonymous,
    Named,
    EditCategory,
    EditPlace,
    EditWhen,
    EditDescription,
    EditAnonymity,
    Send,
}
