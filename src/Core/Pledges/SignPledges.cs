using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>
/// Records the chosen pledges for the campaign year, each with the version of its text, and answers with the
/// receipt. A pledge the same signer (typed however) already made this year is not counted again: the
/// resident is told when it was signed.
/// </summary>
public sealed record SignPledges(SignerDetails Signer, string WardId, string UnitId, IReadOnlyList<string> Types, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var catalog = context.Get<PledgeCatalog>();
        var texts = context.Get<TextCatalog>();
        var year = catalog.Campaign.Year;
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        var earlier = await PledgeLedger.ActiveAsync(context.Db, year, Signer.Key, cancellationToken);
        var added = new List<Pledge>();
        foreach (var type in Types.Select(catalog.Find).OfType<PledgeType>().Where(t => earlier.All(e => e.TypeId != t.Id)))
        {
            var pledge = PledgeLedger.New(type, Signer, WardId, UnitId, year, PledgeSource.Chat, context.Now);
            pledge.ResidentId = resident?.Id;
            added.Add(pledge);
        }

        await PledgeLedger.AddAsync(context.Db, added, cancellationToken);
        var lines = new List<string>();
        if (added.Count > 0)
        {
            lines.Add(texts.Get(Language, "pledge.receipt", Signer.DisplayName, year));
            lines.AddRange(added.Select(p => texts.Get(Language, "pledge.receipt_line", catalog.Find(p.TypeId)!.Name(Language), p.Number, p.TextVersion)));
            lines.Add(texts.Get(Language, "pledge.receipt_date", PledgeRoutes.Day(PledgeCampaign.Today(context.Now))));
        }

        foreach (var before in earlier.Where(e => Types.Contains(e.TypeId)))
        {
            lines.Add(texts.Get(Language, "pledge.already_signed", catalog.Find(before.TypeId)?.Name(Language) ?? before.TypeId, PledgeRoutes.Day(PledgeCampaign.Today(before.SignedAt)), before.Number));
        }

        lines.Add("");
        lines.Add(texts.Get(Language, added.Count > 0 ? "pledge.receipt_next" : "pledge.nothing_new", (year + 1).ToString(CultureInfo.InvariantCulture)));
        context.Reply(string.Join("\n", lines));
    }
}
