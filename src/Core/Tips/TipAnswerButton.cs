namespace Antq.Core.Tips;

/// <summary>
/// The "answer" button under an officer's reply to a tipster: built in <see cref="OfficerReplyHandler"/> and read
/// in <see cref="TipRoutes"/> from this one place. The data is <c>tipans:CODE</c>.
/// </summary>
public sealed record TipAnswerButton(string Code)
{
    public const string Prefix = "tipans:";

    public string Data => Prefix + Code;

    /// <summary>The tip in <paramref name="data"/>; null when it is not an answer button.</summary>
    public static TipAnswerButton? Parse(string? data) =>
        data?.StartsWith(Prefix, StringComparison.Ordinal) == true ? new TipAnswerButton(data[Prefix.Length..]) : null;
}
