using Antq.Core.Areas;

namespace Antq.Core.InfoDesk;

/// <summary>
/// A message that asks for a ward's police by the ward's name — "số điện thoại công an phường Đông Kinh",
/// "cong an phuong dong kinh o dau", "Đông Kinh", "Dong Kinh ward police phone" — whichever ward the resident lives in.
/// Only when nothing else is asked: "mất xe ở Đông Kinh" is a question for the Q&amp;A.
/// </summary>
public static class WardContactQuery
{
    // Folded words of asking for a contact, besides the Q&A's stop words.
    private static readonly HashSet<string> ContactWords =
    [
        "so", "dien", "thoai", "sdt", "dt", "lien", "he", "dia", "chi", "tru", "cong", "an", "phuong", "xa", "hotline", "gio",
        "viec", "lam", "truc", "ban", "police", "post", "station", "phone", "number", "contact", "address", "ward", "commune",
        "office", "hour", "call", "ca", "canh", "sat",
    ];

    /// <summary>The ward whose police <paramref name="text"/> asks for, or null.</summary>
    public static Ward? Find(AreaTree areas, string text)
    {
        if (text.Length > 200)
        {
            return null;
        }

        var words = FaqSearch.Words(text);
        foreach (var ward in areas.Wards.OrderByDescending(w => w.Name.Length))
        {
            var name = FaqSearch.Words(ward.Name);
            var at = IndexOf(words, name);
            if (at < 0)
            {
                continue;
            }

            var rest = words.Take(at).Concat(words.Skip(at + name.Count));
            return rest.All(w => ContactWords.Contains(w) || FaqSearch.IsStopWord(w)) ? ward : null;
        }

        return null;
    }

    private static int IndexOf(List<string> words, List<string> name)
    {
        for (var i = 0; name.Count > 0 && i + name.Count <= words.Count; i++)
        {
            if (words.Skip(i).Take(name.Count).SequenceEqual(name, StringComparer.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
