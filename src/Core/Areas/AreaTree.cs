using Antq.Core.Locale;

namespace Antq.Core.Areas;

/// <summary>The city's wards/communes and their units, loaded from <c>config/areas.json</c>.</summary>
public sealed class AreaTree
{
    private readonly Dictionary<string, Ward> _wardsById;
    private readonly Dictionary<string, Ward> _wardsByFoldedName;
    private readonly Dictionary<string, Unit> _unitsById;

    public AreaTree(string cityName, IReadOnlyList<Ward> wards)
    {
        CityName = cityName;
        Wards = wards;
        _wardsById = wards.ToDictionary(w => w.Id, StringComparer.OrdinalIgnoreCase);
        _wardsByFoldedName = new Dictionary<string, Ward>(StringComparer.Ordinal);
        foreach (var ward in wards)
        {
            _wardsByFoldedName.TryAdd(VietnameseText.Fold(ward.Name), ward);
        }

        _unitsById = wards.SelectMany(w => w.Units).ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
    }

    public string CityName { get; }

    public IReadOnlyList<Ward> Wards { get; }

    public int UnitCount => _unitsById.Count;

    public Ward? FindWard(string idOrName)
    {
        if (_wardsById.TryGetValue(idOrName.Trim(), out var byId))
        {
            return byId;
        }

        var folded = VietnameseText.Fold(idOrName);
        foreach (var prefix in new[] { "phuong ", "xa " })
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                folded = folded[prefix.Length..];
            }
        }

        return _wardsByFoldedName.GetValueOrDefault(folded);
    }

    public Unit? FindUnit(string id) => _unitsById.GetValueOrDefault(id);
}
