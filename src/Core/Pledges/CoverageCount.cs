namespace Antq.Core.Pledges;

/// <summary>Signers by kind (each counted once however many pledges they signed) and pledges by type.</summary>
public sealed record CoverageCount(IReadOnlyDictionary<SignerKind, int> Signers, IReadOnlyDictionary<string, int> ByType)
{
    public int Pledges => ByType.Values.Sum();

    public int SignersOf(SignerKind kind) => Signers.GetValueOrDefault(kind);

    public int OfType(string typeId) => ByType.GetValueOrDefault(typeId);

    public static CoverageCount Sum(IEnumerable<CoverageCount> counts)
    {
        var signers = new Dictionary<SignerKind, int>();
        var byType = new Dictionary<string, int>();
        foreach (var count in counts)
        {
            foreach (var (kind, n) in count.Signers)
            {
                signers[kind] = signers.GetValueOrDefault(kind) + n;
            }

            foreach (var (type, n) in count.ByType)
            {
                byType[type] = byType.GetValueOrDefault(type) + n;
            }
        }

        return new CoverageCount(signers, byType);
    }
}
