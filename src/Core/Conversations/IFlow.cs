namespace Antq.Core.Conversations;

/// <summary>
/// A conversation flow. Pure: given the state and one input it returns the next state, the messages
/// and the changes; it does no I/O, so it can be tested without a host and replayed safely.
/// </summary>
public interface IFlow
{
    string Name { get; }

    /// <summary>Bumped when steps or data change shape; a state saved by another version is dropped with an apology.</summary>
    int Version { get; }

    StepResult Start(FlowContext context);

    StepResult Handle(FlowContext context);

    /// <summary>The question of the current step, to ask it again (after bad input, /help, an unknown command).</summary>
    IReadOnlyList<OutgoingMessage> Prompt(FlowContext context);

    /// <summary>
    /// True when <paramref name="step"/> asks for a photo or file now: a channel that stores what residents upload
    /// (the web chat) takes an upload only then, so nothing is kept that no step will use.
    /// </summary>
    bool AcceptsMedia(string? step, FlowData data) => false;
}
