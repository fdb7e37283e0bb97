using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Broadcasts;

/// <summary>Officers only: /broadcast, /broadcasts and the buttons of a broadcast's card. To anyone else they do not exist.</summary>
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
            return Change(new ListBroadcasts());
        }

        // "bcedit:text:7", "bcedit:time:7", or "bcedit:days:7:18" (a weekly one's days as its card showed them).
        if (Navigation.ButtonArgument(context, "bcedit:") is { } edit
            && edit.Split(':') is [var what, var editId, .. var rest]
            && ((what is "text" or "time" && rest.Length == 0) || (what is "days" && rest.Length == 1))
            && long.TryParse(editId, out _))
        {
            var days = rest.Length == 1 ? rest[0] : "0";
            var flow = flows[EditBroadcastFlow.FlowName];
            return Turns.FromStep(flow, flow.Start(context with { Step = null, Data = FlowData.Empty.With("broadcast", editId).With("what", what).With("days", days) }));
        }

        return Id(context, "bcshow:") is { } show ? Change(new ShowBroadcast(show))
            : Id(context, "bcpause:") is { } pause ? Change(new PauseBroadcast(pause))
            : Id(context, "bcresume:") is { } resume ? Change(new ResumeBroadcast(resume))
            : Id(context, "bccancel:") is { } cancel ? Change(new CancelBroadcast(cancel))
            : null;
    }

    private static long? Id(FlowContext context, string prefix) =>
        Navigation.ButtonArgument(context, prefix) is { } id && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Turn Change(DomainChange change) => new() { StateChanged = false, Changes = [change] };
}
