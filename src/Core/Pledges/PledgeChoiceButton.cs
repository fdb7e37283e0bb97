namespace Antq.Core.Pledges;

/// <summary>
/// The choice buttons of the pledge flow (<c>pledgeplace:mine</c>, <c>pledgeall</c>, <c>pledgecommit</c>…): offered by
/// <see cref="PledgePrompts"/> and read by <see cref="PledgeFlow"/> from this one table. The data is what chats already hold.
/// </summary>
public sealed record PledgeChoiceButton(PledgeChoice Choice)
{
    private static readonly Dictionary<PledgeChoice, string> Datas = new()
    {
        [PledgeChoice.PlaceMine] = "pledgeplace:mine",
        [PledgeChoice.PlaceOther] = "pledgeplace:other",
        [PledgeChoice.AllTypes] = "pledgeall",
        [PledgeChoice.Commit] = "pledgecommit",
    };

    private static readonly Dictionary<string, PledgeChoice> Choices = Datas.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public string Data => Datas[Choice];

    /// <summary>The choice in <paramref name="data"/>; null when it is not one of the pledge flow's choice buttons.</summary>
    public static PledgeChoice? Parse(string? data) => data is not null && Choices.TryGetValue(data, out var choice) ? choice : null;
}
