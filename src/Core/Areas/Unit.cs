namespace Antq.Core.Areas;

/// <summary>A residential unit (area level 2): khối, thôn or tổ dân phố. <see cref="Name"/> includes its kind word ("Khối 3").</summary>
public sealed record Unit(string Id, string Name, AreaKind Kind, string WardId);
