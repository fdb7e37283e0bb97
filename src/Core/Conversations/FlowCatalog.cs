namespace Antq.Core.Conversations;

/// <summary>The flows the service knows, by name.</summary>
public sealed class FlowCatalog(IEnumerable<IFlow> flows)
{
    private readonly Dictionary<string, IFlow> _flows = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IFlow this[string name] => _flows[name];

    public bool TryGet(string? name, out IFlow flow)
    {
        flow = null!;
        return name is not null && _flows.TryGetValue(name, out flow!);
    }
}
