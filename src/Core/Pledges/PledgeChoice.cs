namespace Antq.Core.Pledges;

/// <summary>The choices a signer makes with buttons in the pledge flow (besides the kind and the pledge types).</summary>
public enum PledgeChoice
{
    PlaceMine,
    PlaceOther,
    AllTypes,
    Commit,
}
