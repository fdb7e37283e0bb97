using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>Applies <see cref="WithdrawPledge"/> in the engine's transaction.</summary>
public sealed class WithdrawPledgeHandler(TextCatalog texts, PledgeCatalog pledgeCatalog) : IChangeHandler<WithdrawPledge>
{
    public async Task ApplyAsync(WithdrawPledge change, ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        var pledge = resident is null ? null : await context.Db.Pledges.SingleOrDefaultAsync(p => p.Id == change.PledgeId && p.ResidentId == resident.Id, cancellationToken);
        if (pledge is null || pledge.WithdrawnAt is not null)
        {
            context.Reply(texts.Get(change.Language, "error.old_button"));
            return;
        }

        pledge.WithdrawnAt = context.Now;
        await context.Db.SaveChangesAsync(cancellationToken);
        var name = pledgeCatalog.Find(pledge.TypeId)?.Name(change.Language) ?? pledge.TypeId;
        context.Reply(texts.Get(change.Language, "pledge.withdrawn", name, pledge.Number, PledgeRoutes.Day(PledgeCampaign.Today(context.Now))));
    }
}
