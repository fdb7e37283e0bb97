namespace Antq.Core.Conversations;

public enum StepOutcome
{
    /// <summary>Stay in the flow, at <see cref="StepResult.Step"/>.</summary>
    Continue,

    /// <summary>The flow is over; the chat is back at the main menu.</summary>
    Done,

    /// <summary>The input does not fit the step: say why, ask again, change nothing.</summary>
    Invalid,
}
