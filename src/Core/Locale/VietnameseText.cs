using System.Globalization;
using System.Text;

namespace Antq.Core.Locale;

/// <summary>Vietnamese-aware text normalisation: NFC for storage, a folded key for comparison.</summary>
public static class VietnameseText
{
    /// <summary>Unicode NFC; what the service stores and compares. Null stays null.</summary>
    public static string? Nfc(string? text) =>
        text is null || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// A key for diacritics-, case- and spacing-insensitive comparison:
    /// "Hoàng Văn Thụ", "hoang  van thu" and "HOANG VAN THU" fold to the same key.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or ',')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }
}
