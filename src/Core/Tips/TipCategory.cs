namespace Antq.Core.Tips;

/// <summary>A kind of tip, from <c>config/tip-categories.json</c>; <see cref="Emergency"/> is the number to call at once (113, 114), if any.</summary>
public sealed record TipCategory(string Id, string Vietnamese, string English, string? Emergency)
{
    public string Name(string language) => language == "en" ? English : Vietnamese;
}
