namespace Antq.Core.Tests.Areas;

internal static class RepoRoot
{
    /// <summary>The directory holding <c>Antq.Bot.sln</c>, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Antq.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Antq.Bot.sln not found above {AppContext.BaseDirectory}");
    }
}
