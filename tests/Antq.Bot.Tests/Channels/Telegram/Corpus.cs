using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Antq.Bot.Tests.Channels.Telegram;

/// <summary>
/// The shared corpus of real Telegram update payloads (read in place, never copied into the repository) and this project's own payloads.
/// </summary>
internal static class Corpus
{
    public const string EnvironmentVariable = "ANTQ_CORPUS_DIR";
    private const string Fallback = "/work/shared/corpus/telegram-updates";

    private static readonly Lazy<string> Dir = new(Locate);

    /// <summary>The corpus folder; throws (failing the test) when it cannot be found.</summary>
    public static string Directory => Dir.Value;

    public static IReadOnlyList<string> FileNames =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>A corpus file as an <see cref="Update"/>; for files the library is known to read.</summary>
    public static Update Load(string fileName) => Parse(Read(fileName));

    /// <summary>One of this project's own payloads, under Payloads/telegram.</summary>
    public static Update LoadOwn(string fileName) =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "telegram", fileName)));

    public static Update Parse(string json) =>
        JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)
        ?? throw new InvalidOperationException("The payload deserialized to null.");

    private static string Locate()
    {
        var tried = new List<string>();

        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            // Set but wrong is a mistake to report, not a reason to read some other corpus.
            return System.IO.Directory.Exists(fromEnv)
                ? fromEnv
                : throw new DirectoryNotFoundException(
                    $"{EnvironmentVariable} is set to '{fromEnv}', which is not a folder; point it at the telegram-updates corpus.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Antq.Bot.sln")))
            {
                var besideRepo = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "telegram-updates"));
                if (System.IO.Directory.Exists(besideRepo))
                {
                    return besideRepo;
                }

                tried.Add(besideRepo);
                break;
            }
        }

        if (System.IO.Directory.Exists(Fallback))
        {
            return Fallback;
        }

        tried.Add(Fallback);
        throw new DirectoryNotFoundException(
            "The Telegram update corpus was not found; set " + EnvironmentVariable +
            " to the folder holding the telegram-updates JSON files. Tried: " + string.Join("; ", tried));
    }
}
