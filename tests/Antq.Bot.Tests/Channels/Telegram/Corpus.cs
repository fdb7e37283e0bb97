using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Antq.Bot.Tests.Channels.Telegram;

/// <summary>
/// The corpus of real Telegram update payloads (Payloads/telegram-corpus, from nutgram's fixtures, MIT) and this
/// project's own payloads (Payloads/telegram).
/// </summary>
internal static class Corpus
{
    /// <summary>The corpus folder, copied beside the test assembly.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Payloads", "telegram-corpus");

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
}
