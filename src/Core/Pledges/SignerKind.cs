namespace Antq.Core.Pledges;

/// <summary>Who signs a pledge: hộ gia đình, hộ kinh doanh, giáo viên hoặc học sinh, cá nhân.</summary>
public enum SignerKind
{
    Household,
    Business,
    School,
    Individual,
}
