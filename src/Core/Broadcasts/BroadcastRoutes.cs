using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Broadcasts;

/// <summary>Officers only: /broadcast, /broadcasts and the cancel buttons. To anyone else they do not exist.</summary>
public sealed class BroadcastRoutes(FlowCatalog flows) : IInputRoute
{
    public Turn? Route(FlowContext context, Command? command, IFlow? current)
    {
        if (context.Facts.Get<Officer>() is null)
        {
            return null;
        }

        if (command?.Name == "broadcast")
        {
            return Turns.StartFlow(flows[BroadcastFlow.FlowName], context);
        }

        if (command?.Name == "broadcasts")
        {
            return new Turn { StateChanged = false, Changes = [new ListBroadcasts()] };
        }

        return Navigation.ButtonArgument(context, "bccancel:") is { } id && long.TryParse(id, out var broadcastId)
            ? new Turn { StateChanged = false, Changes = [new CancelBroadcast(broadcastId)] }
            : null;
    }
}
