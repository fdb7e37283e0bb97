namespace Antq.Core.Pledges;

/// <summary>
/// One signer's commitment to one pledge type for one campaign year. Withdrawal is recorded, never deleted;
/// chat pledges keep the resident who signed them so they can be listed, corrected and withdrawn.
/// </summary>
public sealed class Pledge
{
    public long Id { get; set; }

    /// <summary>The number shown on the receipt, e.g. CK2026-000042.</summary>
    public string Number { get; set; } = "";

    public required string TypeId { get; set; }

    /// <summary>The version of the text that was signed.</summary>
    public required string TextVersion { get; set; }

    public SignerKind SignerKind { get; set; }

    /// <summary>Head of household, business owner, teacher or student, or the individual.</summary>
    public required string SignerName { get; set; }

    public string? Address { get; set; }

    public string? BusinessName { get; set; }

    public string? School { get; set; }

    public string? ClassName { get; set; }

    /// <summary>Folded name and address (<see cref="SignerDetails.Key"/>): one signature per signer, type and year.</summary>
    public required string SignerKey { get; set; }

    public required string WardId { get; set; }

    public required string UnitId { get; set; }

    public int CampaignYear { get; set; }

    public PledgeSource Source { get; set; }

    /// <summary>The resident who signed in the chat; null for paper pledges (and after the resident erased their data).</summary>
    public long? ResidentId { get; set; }

    public DateTime SignedAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public DateTime? CorrectedAt { get; set; }

    public SignerDetails Details => new(SignerKind, SignerName, Address, BusinessName, School, ClassName);

    public void SetDetails(SignerDetails details)
    {
        SignerKind = details.Kind;
        SignerName = details.Name;
        Address = details.Address;
        BusinessName = details.BusinessName;
        School = details.School;
        ClassName = details.ClassName;
        SignerKey = details.Key;
    }
}
