using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Broadcasts;

/// <summary>Officers only: /broadcast, /broadcasts and the buttons of a broadcast's card. To anyone else they do not exist.</summary>
public sealed class BroadcastRoutes(FlowCatalog flows) : IInputRoute
{
    public static readonly CommandDescriptor Broadcast = new("broadcast", CommandAudience.Officers, 210);

    public static readonly CommandDescriptor Broadcasts = new("broadcasts", CommandAudience.Officers, 220);

    public IReadOnlyList<CommandDescriptor> Commands => [Broadcast, Broadcasts];

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

        var data = Navigation.ButtonData(context);
        if (BroadcastEditButton.Parse(data) is { } edit)
        {
            var flow = flows[EditBroadcastFlow.FlowName];
            var started = FlowData.Empty.With("broadcast", ManagedBroadcast.Id(edit.BroadcastId)).With("what", edit.What).With("days", edit.Days.ToString(CultureInfo.InvariantCulture));
            return Turns.FromStep(flow, flow.Start(context with { Step = null, Data = started }));
        }

        return BroadcastButton.Parse(data) switch
        {
            { Action: BroadcastAction.Show } b => Change(new ShowBroadcast(b.BroadcastId)),
            { Action: BroadcastAction.Pause } b => Change(new PauseBroadcast(b.BroadcastId)),
            { Action: BroadcastAction.Resume } b => Change(new ResumeBroadcast(b.BroadcastId)),
            { Action: BroadcastAction.Cancel } b => Change(new CancelBroadcast(b.BroadcastId)),
            _ => null,
        };
    }

    private static Turn Change(DomainChange change) => new() { StateChanged = false, Changes = [change] };
}
