using System.Collections.Frozen;
using System.Reflection;

namespace Antq.Testing;

/// <summary>
/// Canonical Bot API method names ("sendMessage"), taken from the request classes of the
/// Telegram.Bot assembly so they stay in step with the library version in use.
/// </summary>
internal static class BotApiMethods
{
    private static readonly FrozenDictionary<string, string> Canonical = Build();

    /// <summary>The canonical spelling of <paramref name="method"/>, matched case-insensitively.</summary>
    public static string Normalize(string method)
    {
        if (Canonical.TryGetValue(method, out var name))
        {
            return name;
        }

        // Unknown to the library: lower the first letter, which is the Bot API's convention.
        return method.Length == 0 ? method : char.ToLowerInvariant(method[0]) + method[1..];
    }

    private static FrozenDictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Type[] types;
        try
        {
            types = typeof(Telegram.Bot.Requests.SendMessageRequest).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.OfType<Type>().ToArray();
        }

        foreach (var type in types)
        {
            if (type.IsAbstract || type.IsGenericTypeDefinition || type.Namespace != "Telegram.Bot.Requests" || !type.Name.EndsWith("Request", StringComparison.Ordinal))
            {
                continue;
            }

            var name = MethodNameOf(type) ?? char.ToLowerInvariant(type.Name[0]) + type.Name[1..^"Request".Length];
            names.TryAdd(name, name);
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static string? MethodNameOf(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null || type.GetProperty("MethodName") is not { } property)
        {
            return null;
        }

        try
        {
            return property.GetValue(Activator.CreateInstance(type)) as string;
        }
        catch (Exception e) when (e is TargetInvocationException or MemberAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
