using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Events;

/// <summary>Residents: the "Events" entry and the answer buttons. Officers: /event, /events and cancel buttons.</summary>
public sealed class EventRoutes(FlowCatalog flows) : IInputRoute
{
    /// <summary>The residents' /events: what is coming in their ward.</summary>
    public static readonly CommandDescriptor Upcoming = new("events", CommandAudience.Residents, 70);

    public static readonly CommandDescriptor Event = new("event", CommandAudience.Officers, 230);

    /// <summary>The officers' /events: the events they made, with their answers.</summary>
    public static readonly CommandDescriptor Managed = new("events", CommandAudience.Officers, 240) { TextsName = "events_officer" };

    public IReadOnlyList<CommandDescriptor> Commands => [Upcoming, Event, Managed];

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
                : Turns.Unchanged(context, current, null, [new ShowUpcomingEvents(context.Language)]);
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
