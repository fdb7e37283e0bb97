namespace Antq.Core.Pledges;

/// <summary>
/// A pledge type toggle in the pledge flow (<c>pledgetype:ID</c>): offered by <see cref="PledgePrompts"/> and read
/// by <see cref="PledgeFlow"/> from this one place. Whether the type is offered is the flow's question, not the codec's.
/// </summary>
public sealed record PledgeTypeButton(string TypeId)
{
    public const string Prefix = "pledgetype:";

    public string Data => Prefix + TypeId;

    /// <summary>The type in <paramref name="data"/>; null when it is not a pledge type button.</summary>
    public static PledgeTypeButton? Parse(string? data) =>
        data?.StartsWith(Prefix, StringComparison.Ordinal) == true ? new PledgeTypeButton(data[Prefix.Length..]) : null;
}
