using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Pledges;

/// <summary>Applies <see cref="CorrectPledge"/> in the engine's transaction.</summary>
public sealed class CorrectPledgeHandler(TextCatalog texts, IOptions<PledgeOptions> pledgeOptions) : IChangeHandler<CorrectPledge>
{
    public async Task ApplyAsync(CorrectPledge change, ChangeContext context, CancellationToken cancellationToken)
    {
        var days = pledgeOptions.Value.CorrectionDays;
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        var pledge = resident is null ? null : await context.Db.Pledges.SingleOrDefaultAsync(p => p.Id == change.PledgeId && p.ResidentId == resident.Id && p.WithdrawnAt == null, cancellationToken);
        if (resident is null || pledge is null)
        {
            context.Reply(texts.Get(change.Language, "error.old_button"));
            return;
        }

        if (context.Now - pledge.SignedAt > TimeSpan.FromDays(days))
        {
            context.Reply(texts.Get(change.Language, "pledge.fix_too_late", days, PledgeRoutes.Day(PledgeCampaign.Today(pledge.SignedAt))));
            return;
        }

        var same = await context.Db.Pledges.Where(p => p.ResidentId == resident.Id && p.CampaignYear == pledge.CampaignYear && p.SignerKey == pledge.SignerKey && p.WithdrawnAt == null)
            .ToListAsync(cancellationToken);
        foreach (var p in same)
        {
            p.SetDetails(change.Signer with { Kind = pledge.SignerKind });
            p.CorrectedAt = context.Now;
        }

        await context.Db.SaveChangesAsync(cancellationToken);
        context.Reply(texts.Get(change.Language, "pledge.fixed", change.Signer.DisplayName, change.Signer.Place, string.Join(", ", same.Select(p => p.Number))));
    }
}
