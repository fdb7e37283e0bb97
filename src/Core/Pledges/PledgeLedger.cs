using System.Globalization;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>Writing pledges and finding earlier ones, shared by the chat and the paper import.</summary>
public static class PledgeLedger
{
    /// <summary>The pledges (not withdrawn) a signer made in a campaign year.</summary>
    public static Task<List<Pledge>> ActiveAsync(AntqDb db, int year, string signerKey, CancellationToken cancellationToken) =>
        db.Pledges.AsNoTracking().Where(p => p.CampaignYear == year && p.SignerKey == signerKey && p.WithdrawnAt == null)
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);

    public static Pledge New(PledgeType type, SignerDetails signer, string wardId, string unitId, int year, PledgeSource source, DateTime signedAt)
    {
        var pledge = new Pledge
        {
            TypeId = type.Id,
            TextVersion = type.Version,
            SignerName = signer.Name,
            SignerKey = signer.Key,
            WardId = wardId,
            UnitId = unitId,
            CampaignYear = year,
            Source = source,
            SignedAt = signedAt,
        };
        pledge.SetDetails(signer);
        return pledge;
    }

    /// <summary>Adds the pledges and gives each its number (from its id, so numbers never repeat).</summary>
    public static async Task AddAsync(AntqDb db, IReadOnlyList<Pledge> pledges, CancellationToken cancellationToken)
    {
        if (pledges.Count == 0)
        {
            return;
        }

        db.Pledges.AddRange(pledges);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var pledge in pledges)
        {
            pledge.Number = Number(pledge.CampaignYear, pledge.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Number(int year, long id) => string.Create(CultureInfo.InvariantCulture, $"CK{year}-{id:D6}");
}
