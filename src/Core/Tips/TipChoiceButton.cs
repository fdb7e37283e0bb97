namespace Antq.Core.Tips;

/// <summary>
/// The choice buttons of the tip flow (<c>place:mine</c>, <c>when:now</c>, <c>anon:yes</c>, <c>tipedit:place</c>,
/// <c>tip:send</c>…): offered by <see cref="TipPrompts"/> and read by <see cref="TipFlow"/> from this one table, so a
/// renamed button cannot silently stop working. The data is what chats already hold.
/// </summary>
public sealed record TipChoiceButton(TipChoice Choice)
{
    private static readonly Dictionary<TipChoice, string> Datas = new()
    {
        [TipChoice.PlaceMine] = "place:mine",
        [TipChoice.PlaceOther] = "place:other",
        [TipChoice.WhenNow] = "when:now",
        [TipChoice.WhenToday] = "when:today",
        [TipChoice.WhenEarlier] = "when:earlier",
        [TipChoice.Anonymous] = "anon:yes",
        [TipChoice.Named] = "anon:no",
        [TipChoice.EditCategory] = "tipedit:category",
        [TipChoice.EditPlace] = "tipedit:place",
        [TipChoice.EditWhen] = "tipedit:when",
        [TipChoice.EditDescription] = "tipedit:description",
        [TipChoice.EditAnonymity] = "tipedit:anonymity",
        [TipChoice.Send] = "tip:send",
    };

    private static readonly Dictionary<string, TipChoice> Choices = Datas.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public string Data => Datas[Choice];

    /// <summary>The choice in <paramref name="data"/>; null when it is not one of the tip flow's choice buttons.</summary>
    public static TipChoice? Parse(string? data) => data is not null && Choices.TryGetValue(data, out var choice) ? choice : null;
}
