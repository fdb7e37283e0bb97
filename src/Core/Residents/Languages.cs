namespace Antq.Core.Residents;

/// <summary>The languages residents can choose; Vietnamese first.</summary>
public static class Languages
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Vietnamese, English];

    /// <summary>A supported language from a channel's hint ("en-GB" → "en"), else Vietnamese.</summary>
    public static string FromHint(string? hint) =>
        hint is not null && hint.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;

    public static bool IsSupported(string? language) => language is Vietnamese or English;
}
