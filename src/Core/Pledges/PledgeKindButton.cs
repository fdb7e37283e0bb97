namespace Antq.Core.Pledges;

/// <summary>
/// A signer-kind button of the pledge flow (<c>pledgekind:household</c>): offered by <see cref="PledgePrompts"/> and
/// read by <see cref="PledgeFlow"/> from this one place; the kind's name is <see cref="SignerKeys"/>'.
/// </summary>
public sealed record PledgeKindButton(SignerKind Kind)
{
    public const string Prefix = "pledgekind:";

    public string Data => Prefix + SignerKeys.Name(Kind);

    /// <summary>The kind in <paramref name="data"/>; null when it is not a signer-kind button or names no kind.</summary>
    public static PledgeKindButton? Parse(string? data) =>
        data?.StartsWith(Prefix, StringComparison.Ordinal) == true && SignerKeys.Parse(data[Prefix.Length..]) is { } kind ? new PledgeKindButton(kind) : null;
}
