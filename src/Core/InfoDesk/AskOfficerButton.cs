namespace Antq.Core.InfoDesk;

/// <summary>
/// "Ask an officer" (<c>info:ask</c>, as in buttons already sent to chats): offered by the info card and every Q&amp;A
/// answer, read by <see cref="InfoRoutes"/>, built and parsed here only.
/// </summary>
public sealed record AskOfficerButton
{
    private const string Value = "info:ask";

    public static readonly AskOfficerButton Instance = new();

    public string Data => Value;

    /// <summary>The button when <paramref name="data"/> is exactly it; null for anything else.</summary>
    public static AskOfficerButton? Parse(string? data) => data == Value ? Instance : null;
}
