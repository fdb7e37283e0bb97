namespace Antq.Core.Areas;

/// <summary>
/// The areas file is missing, malformed or inconsistent. The message names the file, the entry and the problem:
/// <c>config/areas.json: wards[2] "tam-thanh" units[4]: unit id "tam-thanh-k3" is used twice (…)</c>.
/// </summary>
public sealed class AreaFileException : Exception
{
    public AreaFileException(string file, string entry, string problem, Exception? innerException = null)
        : base(Format(file, entry, problem), innerException)
    {
        File = file;
        Entry = entry;
        Problem = problem;
    }

    /// <summary>The file as it was named to the loader.</summary>
    public string File { get; }

    /// <summary>Where in the file: <c>wards[2] "tam-thanh" units[4]</c>, <c>line 12, position 8</c>; empty for the file as a whole.</summary>
    public string Entry { get; }

    /// <summary>What is wrong, in words an editor of the file understands.</summary>
    public string Problem { get; }

    private static string Format(string file, string entry, string problem) =>
        entry.Length == 0 ? $"{file}: {problem}" : $"{file}: {entry}: {problem}";
}
