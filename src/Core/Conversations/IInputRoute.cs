namespace Antq.Core.Conversations;

/// <summary>
/// A feature's entry points that work at any step (its commands, its buttons on cards): returns the turn, or
/// null when the input is not for it. Routes are asked before the flow in progress.
/// </summary>
public interface IInputRoute
{
    Turn? Route(FlowContext context, Command? command, IFlow? current);
}
