namespace Antq.Bot.Hosting;

/// <summary>
/// Where <c>config/</c> lives: the working directory or the nearest folder above it (a checkout; `dotnet run`
/// starts in the project folder), else beside the binary or above it (the published image).
/// </summary>
public static class ContentRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "config", "appsettings.json")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
