using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>Records that the resident withdrew a pledge; the pledge stays, no longer counted.</summary>
public sealed record WithdrawPledge(long PledgeId, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        var pledge = resident is null ? null : await context.Db.Pledges.SingleOrDefaultAsync(p => p.Id == PledgeId && p.ResidentId == resident.Id, cancellationToken);
        if (pledge is null || pledge.WithdrawnAt is not null)
        {
            context.Reply(texts.Get(Language, "error.old_button"));
            return;
        }

        pledge.WithdrawnAt = context.Now;
        await context.Db.SaveChangesAsync(cancellationToken);
        var name = context.Get<PledgeCatalog>().Find(pledge.TypeId)?.Name(Language) ?? pledge.TypeId;
        context.Reply(texts.Get(Language, "pledge.withdrawn", name, pledge.Number, PledgeRoutes.Day(PledgeCampaign.Today(context.Now))));
    }
}
