namespace Antq.Core.Residents;

/// <summary>
/// "I agree" (<c>consent:yes</c>) or "No thanks" (<c>consent:no</c>) under the consent notice, as in buttons already
/// sent to chats: offered and read by <see cref="OnboardingFlow"/>, built and parsed here only. The web chat watches
/// for "I agree" too: it renews its visitor's identity when it is pressed.
/// </summary>
public sealed record ConsentButton(bool Given)
{
    public static readonly ConsentButton Agree = new(true);

    public static readonly ConsentButton Decline = new(false);

    public string Data => Given ? "consent:yes" : "consent:no";

    /// <summary>The answer in <paramref name="data"/>; null when it is not a consent button.</summary>
    public static ConsentButton? Parse(string? data) => data switch
    {
        "consent:yes" => Agree,
        "consent:no" => Decline,
        _ => null,
    };
}
