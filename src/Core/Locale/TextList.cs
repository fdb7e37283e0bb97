namespace Antq.Core.Locale;

/// <summary>Lists and places written so that they read one way only.</summary>
public static class TextList
{
    /// <summary>
    /// Items joined by ", ", or by "; " when an item has a comma of its own: "An ninh, trật tự; Ngày hội, sự kiện",
    /// never "An ninh, trật tự, Ngày hội, sự kiện" (four things or two?).
    /// </summary>
    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return string.Join(list.Any(i => i.Contains(',', StringComparison.Ordinal)) ? "; " : ", ", list);
    }

    /// <summary>
    /// The parts of a place, most precise first, leaving out a part an earlier one already says: a typed address
    /// "khối 13, phường Chi Lăng" is not followed by "Khối 13, Phường Chi Lăng" again. Compared without
    /// diacritics or case, whole words only ("Khối 1" is not in "khối 13").
    /// </summary>
    public static string Place(IEnumerable<string> parts)
    {
        var kept = new List<string>();
        foreach (var part in parts.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var folded = " " + VietnameseText.Fold(part) + " ";
            if (!kept.Any(k => (" " + VietnameseText.Fold(k) + " ").Contains(folded, StringComparison.Ordinal)))
            {
                kept.Add(part);
            }
        }

        return string.Join(", ", kept);
    }
}
