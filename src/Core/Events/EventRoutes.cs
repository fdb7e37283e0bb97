using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Events;

/// <summary>Residents: the "Events" entry and the answer buttons. Officers: /event, /events and cancel buttons.</summary>
public sealed class EventRoutes(FlowCatalog flows) : IInputRoute
{
    public Turn? Route(FlowContext context, Command? command, IFlow? current)
    {
        if (context.Input.Kind == InboundKind.Button && RsvpButton.Owns(context.Input.ButtonData))
        {
            return RsvpButton.Parse(context.Input.ButtonData) is { } answer
                ? new Turn { StateChanged = false, Changes = [new RecordRsvp(answer.EventId, answer.Coming, context.Language)] }
                : null;
        }

        if (command?.Name == "events")
        {
            return context.Facts.Get<Officer>() is not null
                ? new Turn { StateChanged = false, Changes = [new ListEvents()] }
                : context.Resident is { HasConsented: true }
                    ? Turns.Unchanged(context, current, null, [new ShowUpcomingEvents(context.Language)])
                    : Turns.NeedsOnboarding(flows, context);
        }

        if (context.Facts.Get<Officer>() is null)
        {
            return null;
        }

        if (command?.Name == "event")
        {
            return Turns.StartFlow(flows[EventFlow.FlowName], context);
        }

        var data = Navigation.ButtonData(context);
        return EventButton.Parse(data) switch
        {
            { Action: EventAction.Move } move => MoveEvent(context, move.EventId),
            { Action: EventAction.Cancel } cancel => new Turn { StateChanged = false, Changes = [new CancelEvent(cancel.EventId)] },
            _ => null,
        };
    }

    private Turn MoveEvent(FlowContext context, long eventId)
    {
        var flow = flows[MoveEventFlow.FlowName];
        return Turns.FromStep(flow, flow.Start(context with { Step = null, Data = FlowData.Empty.With("event", eventId.ToString(System.Globalization.CultureInfo.InvariantCulture)) }));
    }
}
