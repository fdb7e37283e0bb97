using System.Globalization;

namespace Antq.Core.Pledges;

/// <summary>
/// The buttons on a resident's own pledges: correct (<c>pledgefix:ID</c>), withdraw (<c>pledgewd:ID</c>) and confirm
/// the withdrawal (<c>pledgewdok:ID</c>), as in buttons already sent to chats. Built and read here only, so
/// <see cref="PledgeRoutes"/> and <see cref="PledgeFacts"/> (which loads the pledges these buttons need) agree.
/// </summary>
public sealed record PledgeButton(PledgeAction Action, long PledgeId)
{
    // Longest first: "pledgewd:" must not be taken for the start of "pledgewdok:" (it is not, but the order says so).
    private static readonly (PledgeAction Action, string Prefix)[] Prefixes =
    [
        (PledgeAction.ConfirmWithdraw, "pledgewdok:"),
        (PledgeAction.Withdraw, "pledgewd:"),
        (PledgeAction.Fix, "pledgefix:"),
    ];

    public string Data => Prefixes.First(p => p.Action == Action).Prefix + PledgeId.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the data belongs to this family (well formed or not).</summary>
    public static bool Owns(string? data) => data is not null && Prefixes.Any(p => data.StartsWith(p.Prefix, StringComparison.Ordinal));

    /// <summary>The action in <paramref name="data"/>; null when it is not a well-formed pledge button.</summary>
    public static PledgeButton? Parse(string? data)
    {
        foreach (var (action, prefix) in Prefixes)
        {
            if (data?.StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                return long.TryParse(data.AsSpan(prefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? new PledgeButton(action, id) : null;
            }
        }

        return null;
    }
}
