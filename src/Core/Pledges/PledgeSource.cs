namespace Antq.Core.Pledges;

/// <summary>Where a pledge was signed: in the chat, or on paper and imported.</summary>
public enum PledgeSource
{
    Chat,
    Paper,
}
