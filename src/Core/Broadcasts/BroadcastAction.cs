namespace Antq.Core.Broadcasts;

/// <summary>What an officer's button on a broadcast (in the list or on its card) asks for.</summary>
public enum BroadcastAction
{
    Show,
    Pause,
    Resume,
    Cancel,
}
