using Antq.Core.Conversations;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Officers;

/// <summary>
/// Loads who the sender is as an officer (if they are one) for every turn: officer commands depend on it; and, for
/// the officer's home and help, how many tips are open in their scope.
/// </summary>
public sealed class OfficerFacts : ITurnFactLoader
{
    // Compiled once: this runs for every update.
    private static readonly CompiledQuery<string, string, Officer?> OfficerOf =
        new((db, channel, userId, _) => db.Officers.AsNoTracking().SingleOrDefault(o => o.Channel == channel && o.ExternalUserId == userId));

    // The commands that answer an officer with their home or help, which show the count of open tips.
    private static readonly CommandDescriptor[] ShowHome = [ConversationRouter.Start, ConversationRouter.Menu, ConversationRouter.Help, ConversationRouter.Cancel];

    public async Task LoadAsync(AntqDb db, InboundMessage input, ConversationState state, DateTime now, TurnFacts facts, CancellationToken cancellationToken)
    {
        var officer = await OfficerOf.RunAsync(db, input.Channel, input.UserId, cancellationToken);
        if (officer is null)
        {
            return;
        }

        facts.Set(officer);
        // An officer's home may follow any input that is not a command (officers are few: the count is cheap).
        var home = facts.Get<TurnCommand>() is not { } command || ShowHome.Any(command.Runs);
        if (home)
        {
            facts.Set(new OpenTipCount(await Tips.OpenTips.Of(db.Tips.AsNoTracking(), officer).CountAsync(cancellationToken)));
        }
    }
}
