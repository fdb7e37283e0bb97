using System.Globalization;
using Antq.Core.Conversations;

namespace Antq.Core.Delivery;

/// <summary>
/// Fits an outgoing message to what a channel can show: more choices than its buttons become a numbered list
/// answered by typing the number; a text longer than it takes is split at paragraph, line, sentence or word ends.
/// </summary>
public static class MessageFitter
{
    private static readonly string[][] Boundaries = [["\n\n"], ["\n"], [". ", "! ", "? ", "… ", ".\n", "!\n", "?\n"], ["; ", ", "], [" "]];

    /// <param name="numberHint">The line under a numbered list, given how many choices it has (in the resident's language).</param>
    public static FittedMessage Fit(OutgoingMessage message, ChannelCapabilities capabilities, Func<int, string> numberHint)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(numberHint);
        var choices = message.Buttons.SelectMany(row => row).ToList();
        var text = message.Text;
        var numbered = choices.Count > capabilities.MaxButtons;
        if (numbered)
        {
            var lines = choices.Select((b, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + ". " + b.Label);
            text = text + "\n\n" + string.Join("\n", lines) + "\n\n" + numberHint(choices.Count);
        }

        var chunks = Split(text, capabilities.MaxTextLength);
        var parts = chunks.Select((chunk, i) => new FittedPart(
            chunk,
            i == chunks.Count - 1 && !numbered ? choices : [],
            i == 0 ? message.Media : null)).ToList();
        return new FittedMessage(parts, choices, numbered);
    }

    /// <summary>Splits <paramref name="text"/> into pieces of at most <paramref name="max"/> characters, at the most natural end found.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var pieces = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = CutAt(rest, max);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    // The end of the last paragraph (else line, sentence, clause, word) in the window, if it keeps at least a third of it.
    private static int CutAt(string text, int max)
    {
        var window = text[..max];
        foreach (var kind in Boundaries)
        {
            var best = kind.Select(b => (At: window.LastIndexOf(b, StringComparison.Ordinal), b.Length))
                .Where(x => x.At >= max / 3)
                .Select(x => x.At + x.Length)
                .DefaultIfEmpty(-1)
                .Max();
            if (best > 0 && best <= max)
            {
                return best;
            }
        }

        // No boundary: a hard cut, never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
    }
}
