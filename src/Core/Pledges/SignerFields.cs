using Antq.Core.Conversations;

namespace Antq.Core.Pledges;

/// <summary>Asking for one detail of a signer (name, address, business, school, class) and checking the answer.</summary>
public static class SignerFields
{
    public static OutgoingMessage Prompt(FlowContext context, SignerKind kind, string field, bool withBack) => new()
    {
        Text = context.T($"pledge.ask_{SignerKeys.Name(kind)}_{field}"),
        Buttons = withBack ? [Navigation.BackAndCancel(context)] : [],
    };

    /// <summary>The answer trimmed, with runs of spaces made one; null with the reason when it does not fit.</summary>
    public static string? Parse(FlowContext context, string field, out string? problem)
    {
        problem = null;
        if (context.Input is not { Kind: InboundKind.Text, Text: { } text } || text.TrimStart().StartsWith('/'))
        {
            problem = context.Input.Kind == InboundKind.Button ? context.T("error.old_button") : context.T("pledge.field_text_only");
            return null;
        }

        var value = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var (min, max) = field switch
        {
            "address" => (5, 200),
            "business" or "school" => (3, 150),
            "class" => (1, 30),
            _ => (2, 100),
        };
        if (value.Length < min)
        {
            problem = context.T("pledge.field_too_short", min);
            return null;
        }

        if (value.Length > max)
        {
            problem = context.T("error.too_long", max);
            return null;
        }

        return value;
    }
}
