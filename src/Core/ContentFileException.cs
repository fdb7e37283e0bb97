namespace Antq.Core;

/// <summary>A content file in config/ that is missing or wrong; the message names the file and the problem.</summary>
public sealed class ContentFileException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
}
