namespace Antq.Core.Texts;

/// <summary>The languages residents can choose (Vietnamese first), and which of them the bot speaks where nobody chose.</summary>
public static class Languages
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    /// <summary>
    /// The officers' language: their cards, lists, reports and answers. Ward officers work in Vietnamese; one name for
    /// it so that no officer-facing text picks its language on its own.
    /// </summary>
    public const string Officers = Vietnamese;

    /// <summary>
    /// The language of what goes to many residents at once (event reminders and notices, renewal invitations) and of
    /// content that lacks the resident's language.
    /// </summary>
    public const string Default = Vietnamese;

    public static IReadOnlyList<string> All { get; } = [Vietnamese, English];

    /// <summary>A supported language from a channel's hint ("en-GB" → "en"), else Vietnamese.</summary>
    public static string FromHint(string? hint) =>
        hint is not null && hint.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Default;

    public static bool IsSupported(string? language) => language is Vietnamese or English;
}
