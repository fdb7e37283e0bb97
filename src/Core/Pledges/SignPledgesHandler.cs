using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;

namespace Antq.Core.Pledges;

/// <summary>Applies <see cref="SignPledges"/> in the engine's transaction.</summary>
public sealed class SignPledgesHandler(PledgeCatalog catalog, TextCatalog texts) : IChangeHandler<SignPledges>
{
    public async Task ApplyAsync(SignPledges change, ChangeContext context, CancellationToken cancellationToken)
    {
        var year = catalog.Campaign.Year;
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        var earlier = await PledgeLedger.ActiveAsync(context.Db, year, change.Signer.Key, cancellationToken);
        var added = new List<Pledge>();
        foreach (var type in change.Types.Select(catalog.Find).OfType<PledgeType>().Where(t => earlier.All(e => e.TypeId != t.Id)))
        {
            var pledge = PledgeLedger.New(type, change.Signer, change.WardId, change.UnitId, year, PledgeSource.Chat, context.Now);
            pledge.ResidentId = resident?.Id;
            added.Add(pledge);
        }

        await PledgeLedger.AddAsync(context.Db, added, cancellationToken);
        var lines = new List<string>();
        if (added.Count > 0)
        {
            lines.Add(texts.Get(change.Language, "pledge.receipt", change.Signer.DisplayName, year));
            lines.AddRange(added.Select(p => texts.Get(change.Language, "pledge.receipt_line", catalog.Find(p.TypeId)!.Name(change.Language), p.Number)));
            lines.Add(texts.Get(change.Language, "pledge.receipt_date", PledgeRoutes.Day(PledgeCampaign.Today(context.Now))));
        }

        foreach (var before in earlier.Where(e => change.Types.Contains(e.TypeId)))
        {
            lines.Add(texts.Get(change.Language, "pledge.already_signed", catalog.Find(before.TypeId)?.Name(change.Language) ?? before.TypeId, PledgeRoutes.Day(PledgeCampaign.Today(before.SignedAt)), before.Number));
        }

        lines.Add("");
        lines.Add(texts.Get(change.Language, added.Count > 0 ? "pledge.receipt_next" : "pledge.nothing_new", (year + 1).ToString(CultureInfo.InvariantCulture)));
        context.Reply(string.Join("\n", lines));
    }
}
