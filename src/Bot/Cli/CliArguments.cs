namespace Antq.Bot.Cli;

/// <summary>"--name value" options after a verb, with a clear error for anything unknown or missing.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public bool Help { get; private init; }

    public static CliArguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string>? flags = null)
    {
        var list = args.ToList();
        var parsed = new CliArguments { Help = list.Contains("--help") || list.Contains("-h") };
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg is "--help" or "-h")
            {
                continue;
            }

            if (flags is not null && arg.StartsWith("--", StringComparison.Ordinal) && flags.Contains(arg[2..]))
            {
                parsed._options[arg[2..]] = null;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(arg[2..]))
            {
                throw new CliException($"unknown argument '{arg}'");
            }

            if (i + 1 >= list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliException($"{arg} needs a value");
            }

            parsed._options[arg[2..]] = list[++i];
        }

        return parsed;
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>True when a flag (an option without a value, such as --skip-invalid) was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    public string Required(string name) => Get(name) is { Length: > 0 } value ? value : throw new CliException($"--{name} is required");
}

/// <summary>Bad input on the command line: printed as a message, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
