using Antq.Core.Locale;

namespace Antq.Core.Pledges;

/// <summary>Who signs, as they wrote it (NFC); <see cref="Key"/> recognises the same signer typed differently.</summary>
public sealed record SignerDetails(SignerKind Kind, string Name, string? Address, string? BusinessName, string? School, string? ClassName)
{
    /// <summary>The details each kind of signer gives, in the order they are asked.</summary>
    public static IReadOnlyList<string> FieldsOf(SignerKind kind) => kind switch
    {
        SignerKind.Household => ["name", "address"],
        SignerKind.Business => ["business", "name", "address"],
        SignerKind.School => ["name", "school", "class"],
        _ => ["name", "address"],
    };

    /// <summary>Kind, name and place folded (NFC, case, spacing and diacritics ignored).</summary>
    public string Key => string.Join('|', SignerKeys.Name(Kind), VietnameseText.Fold(Kind == SignerKind.Business ? BusinessName ?? Name : Name), VietnameseText.Fold(Place));

    /// <summary>Where the signer is found: the address, or the school and class.</summary>
    public string Place => Kind == SignerKind.School ? $"{School}, {ClassName}" : Address ?? "";

    /// <summary>The name a receipt and a list show: the business for a business household.</summary>
    public string DisplayName => Kind == SignerKind.Business && BusinessName is { } business ? $"{business} ({Name})" : Name;

    public string? Get(string field) => field switch
    {
        "name" => Name,
        "address" => Address,
        "business" => BusinessName,
        "school" => School,
        "class" => ClassName,
        _ => null,
    };
}
