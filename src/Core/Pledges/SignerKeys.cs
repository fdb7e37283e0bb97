namespace Antq.Core.Pledges;

/// <summary>The names of signer kinds in content files, button data and the paper-pledge CSV.</summary>
public static class SignerKeys
{
    public static string Name(SignerKind kind) => kind switch
    {
        SignerKind.Household => "household",
        SignerKind.Business => "business",
        SignerKind.School => "school",
        _ => "individual",
    };

    public static SignerKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "household" => SignerKind.Household,
        "business" => SignerKind.Business,
        "school" => SignerKind.School,
        "individual" => SignerKind.Individual,
        _ => null,
    };
}
