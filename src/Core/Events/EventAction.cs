namespace Antq.Core.Events;

/// <summary>What an officer's button under an event in the events list asks for.</summary>
public enum EventAction
{
    Move,
    Cancel,
}
