namespace Antq.Core.Tips;

/// <summary>new → in progress → verified / not useful / spam → closed.</summary>
public enum TipStatus
{
    New = 0,
    InProgress = 1,
    Verified = 2,
    NotUseful = 3,
    Spam = 4,
    Closed = 5,
}
