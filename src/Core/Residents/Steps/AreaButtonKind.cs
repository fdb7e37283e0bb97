namespace Antq.Core.Residents.Steps;

/// <summary>What an <see cref="AreaButton"/> chooses.</summary>
public enum AreaButtonKind
{
    Ward,
    Unit,
    Page,
}
