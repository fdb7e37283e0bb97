namespace Antq.Core.Tips;

/// <summary>What an officer's button under a tip card or the tip list asks for.</summary>
public enum TipAction
{
    Take,
    Verify,
    Useless,
    Spam,
    Close,
    Reply,
    Open,
    List,
}
