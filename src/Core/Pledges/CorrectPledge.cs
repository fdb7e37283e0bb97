using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Pledges;

/// <summary>Corrects the signer's details on every pledge the resident signed for them that year, within the window.</summary>
public sealed record CorrectPledge(long PledgeId, SignerDetails Signer, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var days = context.Get<IOptions<PledgeOptions>>().Value.CorrectionDays;
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        var pledge = resident is null ? null : await context.Db.Pledges.SingleOrDefaultAsync(p => p.Id == PledgeId && p.ResidentId == resident.Id && p.WithdrawnAt == null, cancellationToken);
        if (resident is null || pledge is null)
        {
            context.Reply(texts.Get(Language, "error.old_button"));
            return;
        }

        if (context.Now - pledge.SignedAt > TimeSpan.FromDays(days))
        {
            context.Reply(texts.Get(Language, "pledge.fix_too_late", days, PledgeRoutes.Day(PledgeCampaign.Today(pledge.SignedAt))));
            return;
        }

        var same = await context.Db.Pledges.Where(p => p.ResidentId == resident.Id && p.CampaignYear == pledge.CampaignYear && p.SignerKey == pledge.SignerKey && p.WithdrawnAt == null)
            .ToListAsync(cancellationToken);
        foreach (var p in same)
        {
            p.SetDetails(Signer with { Kind = pledge.SignerKind });
            p.CorrectedAt = context.Now;
        }

        await context.Db.SaveChangesAsync(cancellationToken);
        context.Reply(texts.Get(Language, "pledge.fixed", Signer.DisplayName, Signer.Place, string.Join(", ", same.Select(p => p.Number))));
    }
}
