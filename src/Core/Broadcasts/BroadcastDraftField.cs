namespace Antq.Core.Broadcasts;

/// <summary>What a button of the /broadcast flow chooses.</summary>
public enum BroadcastDraftField
{
    Topic,
    Ward,
    Audience,
    Unit,
    Language,
    When,
    Repeat,
    Day,
    Preview,
}
