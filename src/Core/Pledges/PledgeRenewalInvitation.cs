namespace Antq.Core.Pledges;

/// <summary>Records that a resident was invited to renew their pledges for a campaign year, so it happens once.</summary>
public sealed class PledgeRenewalInvitation
{
    public long Id { get; set; }

    public long ResidentId { get; set; }

    public int CampaignYear { get; set; }

    public DateTime SentAt { get; set; }
}
