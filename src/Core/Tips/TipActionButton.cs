using System.Globalization;

namespace Antq.Core.Tips;

/// <summary>
/// The officers' buttons under a tip card, under a tipster's answer and in the tip list: the one place their
/// callback data is built and read, so <see cref="TipCard"/>, the handlers and <see cref="TipRoutes"/> cannot
/// drift apart. The data is <c>tipact:VERB:ARGUMENT</c> (a tip code, or a page for <see cref="TipAction.List"/>),
/// as in buttons already sent to chats.
/// </summary>
public sealed record TipActionButton(TipAction Action, string Argument)
{
    public const string Prefix = "tipact:";

    private static readonly Dictionary<TipAction, string> Verbs = Enum.GetValues<TipAction>().ToDictionary(a => a, a => a.ToString().ToLowerInvariant());

    public static TipActionButton For(TipAction action, string code) => new(action, code);

    public static TipActionButton ListPage(int page) => new(TipAction.List, page.ToString(CultureInfo.InvariantCulture));

    /// <summary>The page of a <see cref="TipAction.List"/> button.</summary>
    public int Page => int.Parse(Argument, NumberStyles.None, CultureInfo.InvariantCulture);

    public string Data => Prefix + Verbs[Action] + ":" + Argument;

    /// <summary>The action in <paramref name="data"/>; null when it is not a well-formed tip action button.</summary>
    public static TipActionButton? Parse(string? data)
    {
        if (data?.StartsWith(Prefix, StringComparison.Ordinal) != true)
        {
            return null;
        }

        var parts = data[Prefix.Length..].Split(':', 2);
        var argument = parts.Length > 1 ? parts[1] : "";
        var action = Verbs.FirstOrDefault(v => v.Value == parts[0]);
        if (action.Value is null)
        {
            return null;
        }

        // A page is a non-negative number; everything else names a tip by its code.
        return action.Key == TipAction.List
            ? int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? ListPage(page) : null
            : new TipActionButton(action.Key, argument);
    }
}
