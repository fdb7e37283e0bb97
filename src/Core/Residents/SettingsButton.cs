namespace Antq.Core.Residents;

/// <summary>
/// What to change in the settings (<c>set:language</c>, <c>set:area</c>, <c>set:topics</c>, as in buttons already
/// sent to chats): offered and read by <see cref="SettingsFlow"/>, built and parsed here only.
/// </summary>
public sealed record SettingsButton(string Setting)
{
    private const string Prefix = "set:";

    public static readonly SettingsButton Language = new("language");

    public static readonly SettingsButton Area = new("area");

    public static readonly SettingsButton Topics = new("topics");

    public string Data => Prefix + Setting;

    /// <summary>The setting in <paramref name="data"/>; null when it is not one of the settings buttons.</summary>
    public static SettingsButton? Parse(string? data) =>
        new[] { Language, Area, Topics }.FirstOrDefault(s => s.Data == data);
}
