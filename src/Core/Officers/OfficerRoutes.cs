using Antq.Core.Conversations;

namespace Antq.Core.Officers;

/// <summary>
/// Becoming an officer, at any step: /join CODE NAME redeems an invitation; an admin's /invite WARD (or /invite admin)
/// makes one. To anyone but an admin, /invite does not exist.
/// </summary>
public sealed class OfficerRoutes : IInputRoute
{
    /// <summary>Anyone may redeem an invitation; it is not offered in any menu.</summary>
    public static readonly CommandDescriptor Join = new("join", CommandAudience.Everyone, 290, TakesArgument: true) { Listed = false };

    public static readonly CommandDescriptor Invite = new("invite", CommandAudience.Admins, 280, TakesArgument: true);

    public IReadOnlyList<CommandDescriptor> Commands => [Join, Invite];

    public Turn? Route(FlowContext context, Command? command, IFlow? current) => command?.Name switch
    {
        "join" => Redeem(context, command!),
        "invite" => Create(context, command!),
        _ => null,
    };

    private static Turn Changed(DomainChange change) => new() { StateChanged = false, Changes = [change] };

    // Officers may not be residents: their commands answer and leave the chat where it was, nothing more.
    private static Turn Redeem(FlowContext context, Command command)
    {
        var parts = (command.Argument ?? "").Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length < 2 || parts[1].Length is < 2 or > 100
            ? new Turn { StateChanged = false, Messages = [context.Say("officer.join_how")] }
            : Changed(new RedeemInvitation(parts[0], parts[1], context.Language));
    }

    private static Turn Create(FlowContext context, Command command)
    {
        if (command.Argument is null)
        {
            return new Turn { StateChanged = false, Messages = [context.Say("officer.invite_how")] };
        }

        if (string.Equals(command.Argument, "admin", StringComparison.OrdinalIgnoreCase))
        {
            return Changed(new CreateInvitation(OfficerRole.Admin, null, OfficerInvitation.Validity));
        }

        return context.Areas.FindWard(command.Argument) is { } ward
            ? Changed(new CreateInvitation(OfficerRole.Officer, ward.Id, OfficerInvitation.Validity))
            : new Turn { StateChanged = false, Messages = [context.Say("area.ward_not_found", command.Argument)] };
    }
}
