using System.Globalization;

namespace Antq.Core.InfoDesk;

/// <summary>
/// A question of the Q&amp;A (<c>faq:show:ID</c>) or a page of its list (<c>faq:list:PAGE</c>), as in buttons already
/// sent to chats: offered by <see cref="FaqReplies"/> and the info card, read by <see cref="InfoRoutes"/>, built and
/// parsed here only.
/// </summary>
public sealed record FaqButton(string? EntryId, int Page)
{
    private const string Prefix = "faq:";
    private const string ShowPrefix = Prefix + "show:";
    private const string ListPrefix = Prefix + "list:";

    /// <summary>The first page of questions, the button of the info card and of every answer.</summary>
    public static readonly FaqButton FirstPage = ListPage(0);

    public static FaqButton Show(string entryId) => new(entryId, 0);

    public static FaqButton ListPage(int page) => new(null, page);

    public string Data => EntryId is { } id ? ShowPrefix + id : ListPrefix + Page.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the data belongs to this family (well formed or not): the Q&amp;A answers it either way.</summary>
    public static bool Owns(string? data) => data?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>True when the data turns a page of the list, so the answer replaces the message the list was in.</summary>
    public static bool IsListPage(string? data) => data?.StartsWith(ListPrefix, StringComparison.Ordinal) == true;

    /// <summary>The question or page in <paramref name="data"/>; null when it is not a well-formed Q&amp;A button.</summary>
    public static FaqButton? Parse(string? data)
    {
        if (data is null)
        {
            return null;
        }

        if (data.StartsWith(ShowPrefix, StringComparison.Ordinal))
        {
            return data.Length > ShowPrefix.Length ? Show(data[ShowPrefix.Length..]) : null;
        }

        return data.StartsWith(ListPrefix, StringComparison.Ordinal)
            && int.TryParse(data[ListPrefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)
            ? ListPage(page)
            : null;
    }
}
