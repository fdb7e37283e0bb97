using System.Globalization;

namespace Antq.Core.Officers;

/// <summary>
/// What an officer's account on a channel looks like, checked before an officer is recorded by hand (the CLI's
/// <c>officers add</c>, the console's admin page): a mistyped id would make an officer nobody can ever be.
/// </summary>
public static class OfficerAccount
{
    public static IReadOnlyList<string> Channels { get; } = ["telegram", "zalo", "webchat"];

    /// <summary>True when <paramref name="id"/> is what <paramref name="channel"/>'s user ids look like.</summary>
    public static bool IsValid(string channel, string id) => channel switch
    {
        "telegram" => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        "zalo" => id.Length is > 0 and <= 32 && id.All(char.IsAsciiDigit),

        // A web chat visitor's id: the SHA-256 of their cookie's secret, base64url (43 characters).
        "webchat" => id.Length == 43 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
        _ => false,
    };
}
