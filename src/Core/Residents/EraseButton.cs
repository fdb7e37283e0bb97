namespace Antq.Core.Residents;

/// <summary>
/// "Yes, erase" (<c>erase:yes</c>) or "No, keep" (<c>erase:no</c>) under the /delete_me question, as in buttons
/// already sent to chats: offered and read by <see cref="EraseFlow"/>, built and parsed here only.
/// </summary>
public sealed record EraseButton(bool Confirmed)
{
    public static readonly EraseButton Yes = new(true);

    public static readonly EraseButton No = new(false);

    public string Data => Confirmed ? "erase:yes" : "erase:no";

    /// <summary>The answer in <paramref name="data"/>; null when it is not an erase button.</summary>
    public static EraseButton? Parse(string? data) => data switch
    {
        "erase:yes" => Yes,
        "erase:no" => No,
        _ => null,
    };
}
