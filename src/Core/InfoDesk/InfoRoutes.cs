using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.InfoDesk;

/// <summary>
/// The information desk at any step: /info and its menu entry, /faq, /ask, /notices, the officers' /contact, their
/// buttons — and free text outside a flow, which is searched in the Q&amp;A so that no message goes unanswered.
/// A fallback route: every other feature's route has had its say before free text is taken as a question.
/// </summary>
public sealed class InfoRoutes(FlowCatalog flows, FaqCatalog faq) : IFallbackRoute
{
    public static readonly CommandDescriptor Info = new("info", CommandAudience.Residents, 80);

    public static readonly CommandDescriptor Ask = new("ask", CommandAudience.Residents, 90);

    /// <summary>The questions and answers, for anyone; reached from /info, not offered on its own.</summary>
    public static readonly CommandDescriptor Faq = new("faq", CommandAudience.Everyone, 95) { Aliases = ["hoidap"], Listed = false };

    public static readonly CommandDescriptor Notices = new("notices", CommandAudience.Residents, 100);

    public static readonly CommandDescriptor Contact = new("contact", CommandAudience.Officers, 270);

    public IReadOnlyList<CommandDescriptor> Commands => [Info, Ask, Faq, Notices, Contact];

    public Turn? Route(FlowContext context, Command? command, IFlow? current)
    {
        var consented = context.Resident is { HasConsented: true };
        switch (command?.Name)
        {
            case "info":
                return InfoFor(context, command.Argument);
            case "faq":
                return Say(FaqReplies.List(context, faq, 0));
            case "ask":
                return Turns.StartFlow(flows[AskFlow.FlowName], context);
            case "notices":
                return Changed(new ShowNotices(0, context.Language));
            case "contact":
                return Turns.StartFlow(flows[ContactEditFlow.FlowName], context);
            case not null:
                return null;
        }

        return Buttons(context, consented) ?? FreeText(context, current, consented);
    }

    private Turn? Buttons(FlowContext context, bool consented)
    {
        var data = Navigation.ButtonData(context);
        if (FaqButton.Owns(data))
        {
            return FaqButton.Parse(data) switch
            {
                { EntryId: null } list => Say(FaqReplies.List(context, faq, list.Page)),
                { EntryId: { } id } when faq.Find(id) is { } entry => Say(FaqReplies.Answer(context, entry, [])),
                _ => Say(context.Say("faq.unknown"), FaqReplies.List(context, faq, 0)),
            };
        }

        if (AskOfficerButton.Parse(data) is not null)
        {
            return consented ? Turns.StartFlow(flows[AskFlow.FlowName], context) : Turns.NeedsOnboarding(flows, context);
        }

        return NoticesPageButton.Parse(data) is { } notices && consented
            ? Changed(new ShowNotices(notices.Page, context.Language))
            : null;
    }

    /// <summary>/info, or /info WARD for any ward's police post by its name (with or without diacritics).</summary>
    private static Turn InfoFor(FlowContext context, string? argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            return Changed(new ShowInfo(context.Language));
        }

        return (context.Areas.FindWard(argument) ?? WardContactQuery.Find(context.Areas, argument)) is { } ward
            ? Changed(new ShowInfo(context.Language, ward.Id))
            : Say(context.Say("info.ward_unknown", string.Join("; ", context.Areas.Wards.Select(w => w.Name))));
    }

    /// <summary>
    /// Text outside any flow from a signed-up resident: a greeting or thanks is answered in kind, a ward's name
    /// with that ward's police, anything else is a question for the Q&amp;A.
    /// </summary>
    private Turn? FreeText(FlowContext context, IFlow? current, bool consented)
    {
        if (current is not null || !consented || context.Input is not { Kind: InboundKind.Text, Text: { Length: > 0 } text })
        {
            return null;
        }

        return SmallTalk.Of(text) switch
        {
            SmallTalk.Kind.Greeting => Say(FaqReplies.SmallTalk(context, "faq.greeting")),
            SmallTalk.Kind.Thanks => Say(FaqReplies.SmallTalk(context, "faq.thanks")),
            _ when WardContactQuery.Find(context.Areas, text) is { } ward => Changed(new ShowInfo(context.Language, ward.Id)),
            _ => Found(context, faq.Ask(text)),
        };
    }

    /// <summary>The answer or the closest questions; nothing close at all is the bot not understanding, said once for a string of such texts.</summary>
    private static Turn Found(FlowContext context, FaqAnswer found) =>
        new() { StateChanged = false, Messages = [FaqReplies.ForText(context, found)], NotUnderstood = found.Answer is null && found.Others.Count == 0 };

    private static Turn Say(params OutgoingMessage[] messages) => new() { StateChanged = false, Messages = messages };

    private static Turn Changed(DomainChange change) => new() { StateChanged = false, Changes = [change] };
}
