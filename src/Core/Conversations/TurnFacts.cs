namespace Antq.Core.Conversations;

/// <summary>
/// Read-only facts loaded before a step runs (is this an officer? how many tips this hour?), so flows stay
/// pure: they read facts, they never query.
/// </summary>
public sealed class TurnFacts
{
    private readonly Dictionary<Type, object> _facts = [];

    public static TurnFacts None { get; } = new();

    public T? Get<T>()
        where T : class => _facts.GetValueOrDefault(typeof(T)) as T;

    public void Set<T>(T fact)
        where T : class => _facts[typeof(T)] = fact;
}
