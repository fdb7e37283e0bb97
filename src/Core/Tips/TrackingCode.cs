using System.Security.Cryptography;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>
/// Tip tracking codes: 8 characters drawn at random from 31 that cannot be mistaken for each other when read
/// aloud or typed (no 0/O, 1/I/L); about 8.5 × 10^11 codes, so guessing one is hopeless.
/// </summary>
public static class TrackingCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>A new code no tip or question has yet.</summary>
    public static async Task<string> NewUnusedAsync(AntqDb db, CancellationToken cancellationToken)
    {
        var code = New();
        while (await db.Tips.AnyAsync(t => t.Code == code, cancellationToken))
        {
            code = New();
        }

        return code;
    }

    /// <summary>The code as a resident may type it ("abcd 2345", "ABCD-2345") in canonical form, or null if it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>"ABCD-2345": easier to read aloud.</summary>
    public static string Display(string code) => code.Length == Length ? code[..4] + "-" + code[4..] : code;
}
