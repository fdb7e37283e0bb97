using Antq.Core.Officers;

namespace Antq.Core.Tips;

/// <summary>The tips still waiting for an officer (neither closed nor spam) in their scope: their ward, the city for an admin.</summary>
public static class OpenTips
{
    public static IQueryable<Tip> Of(IQueryable<Tip> tips, Officer officer)
    {
        var open = tips.Where(t => t.Status != TipStatus.Closed && t.Status != TipStatus.Spam);
        return officer.Role == OfficerRole.Admin ? open : open.Where(t => t.WardId == officer.WardId);
    }
}
