namespace Antq.Core.Conversations;

/// <summary>
/// A feature's entry points that work at any step: its commands (declared in <see cref="Commands"/>; the router
/// hands this route only those, under their own name, once it has checked the audience) and its buttons on cards.
/// Returns the turn, or null when the input is not for it. Routes are asked before the flow in progress.
/// </summary>
public interface IInputRoute
{
    /// <summary>The commands this route runs.</summary>
    IReadOnlyList<CommandDescriptor> Commands => [];

    /// <summary><paramref name="command"/> is one of <see cref="Commands"/>, or null for any other input.</summary>
    Turn? Route(FlowContext context, Command? command, IFlow? current);
}
