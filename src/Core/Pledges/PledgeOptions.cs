namespace Antq.Core.Pledges;

public sealed class PledgeOptions
{
    public const string Section = "Pledges";

    /// <summary>Days after signing when a resident may still correct the signer's details.</summary>
    public int CorrectionDays { get; set; } = 7;
}
