using System.Globalization;

namespace Antq.Testing;

/// <summary>
/// One resident's side of a conversation, so tests read like the conversation itself:
/// <c>await chat.Says("/start"); await chat.Sees("ngôn ngữ"); await chat.Taps("Tiếng Việt");</c>
/// </summary>
public sealed class ChatScript(TestBot bot, long chatId, string languageCode)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private int _seen;

    public string ChatId { get; } = chatId.ToString(CultureInfo.InvariantCulture);

    public long Id => chatId;

    /// <summary>The messages this chat has been shown and the test has looked at.</summary>
    public IReadOnlyList<SentMessage> Seen => bot.Api.ShownTo(ChatId).Take(_seen).ToArray();

    public long Says(string text) => Send(UpdateFactory.Text(bot.NextUpdateId(), chatId, text, languageCode));

    public long SendsSticker() => Send(UpdateFactory.Sticker(bot.NextUpdateId(), chatId));

    public long Send(string updateJson)
    {
        bot.Api.EnqueueUpdate(updateJson);
        return long.Parse(System.Text.Json.Nodes.JsonNode.Parse(updateJson)!["update_id"]!.ToString(), CultureInfo.InvariantCulture);
    }

    /// <summary>Presses the button whose label contains <paramref name="label"/> on the newest message that has it.</summary>
    public void Taps(string label)
    {
        foreach (var message in Seen.Reverse())
        {
            var button = message.Buttons.FirstOrDefault(b => b.Text.Contains(label, StringComparison.Ordinal));
            if (button?.CallbackData is { } data)
            {
                Send(UpdateFactory.Button(bot.NextUpdateId(), chatId, data, message.MessageId, languageCode));
                return;
            }
        }

        throw new InvalidOperationException($"No button \"{label}\" in what chat {ChatId} was shown:\n" + Describe(Seen));
    }

    /// <summary>Waits for the next message shown to this chat and checks it contains <paramref name="fragment"/>.</summary>
    public async Task<SentMessage> Sees(string fragment)
    {
        var next = await NextAsync();
        if (!next.Text.Contains(fragment, StringComparison.Ordinal))
        {
            throw new ScriptMismatchException($"Chat {ChatId} expected a message containing \"{fragment}\" but was shown:\n\"{next.Text}\"\nSo far:\n{Describe(Seen)}");
        }

        return next;
    }

    /// <summary>
    /// Waits for the next message shown to this chat and checks it alone contains every fragment: one answer, one
    /// message (an answer and the next choices, a preview and its question).
    /// </summary>
    public async Task<SentMessage> SeesAll(params string[] fragments)
    {
        var next = await NextAsync();
        if (fragments.FirstOrDefault(f => !next.Text.Contains(f, StringComparison.Ordinal)) is { } missing)
        {
            throw new ScriptMismatchException($"Chat {ChatId} expected one message containing \"{missing}\" (with {string.Join(", ", fragments)}) but was shown:\n\"{next.Text}\"\nSo far:\n{Describe(Seen)}");
        }

        return next;
    }

    /// <summary>Waits for the next message shown to this chat, whatever it says.</summary>
    public async Task<SentMessage> NextAsync()
    {
        var wanted = _seen + 1;
        await bot.Api.WaitForCallAsync(_ => bot.Api.ShownTo(ChatId).Count >= wanted, Patience);
        var shown = bot.Api.ShownTo(ChatId);
        _seen = wanted;
        return shown[wanted - 1];
    }

    /// <summary>Checks nothing more is shown to this chat for a while (a repeated update, a blocked resident).</summary>
    public async Task SeesNothingFor(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        var shown = bot.Api.ShownTo(ChatId);
        if (shown.Count > _seen)
        {
            throw new ScriptMismatchException($"Chat {ChatId} was shown more than expected:\n" + Describe(shown.Skip(_seen)));
        }
    }

    private static string Describe(IEnumerable<SentMessage> messages) =>
        string.Join("\n", messages.Select(m => $"  · {m.Text.ReplaceLineEndings(" ")} [{string.Join(" | ", m.Buttons.Select(b => b.Text))}]"));
}
