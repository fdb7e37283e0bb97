namespace Antq.Core.Officers;

public enum OfficerRole
{
    /// <summary>Cán bộ of one ward: sees and reaches that ward only.</summary>
    Officer = 0,

    /// <summary>City-wide: every ward, officer management, invitations.</summary>
    Admin = 1,
}
