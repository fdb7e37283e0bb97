namespace Antq.Core.Areas;

/// <summary>A ward or commune (area level 1) and its residential units.</summary>
public sealed record Ward(string Id, string Name, AreaKind Kind, IReadOnlyList<Unit> Units);
