using System.Globalization;
using System.Text.Json.Nodes;
using Antq.Core.Areas;
using Antq.Testing;

namespace Antq.Benchmarks;

/// <summary>
/// What a resident types and presses, step by step: onboarding ("/start" → language → consent → ward → unit →
/// one topic toggled → done), optionally followed by "/delete_me" → "erase:yes" so that the sequence can be
/// repeated and every input stays valid for the step the chat is at.
/// </summary>
internal sealed class Script(AreaTree areas, bool withErase)
{
    private readonly IReadOnlyList<Ward> _wards = areas.Wards.Where(w => w.Units.Count > 0).ToList();

    public int Length => withErase ? 9 : 7;

    public static readonly string[] StepNames = ["/start", "lang:vi", "consent:yes", "ward:<id>", "unit:<id>", "topic:security", "done", "/delete_me", "erase:yes"];

    /// <summary>The update JSON for <paramref name="step"/>; residents are spread over wards and units.</summary>
    public string Input(int step, long updateId, long chatId, int resident, int buttonMessageId)
    {
        var ward = _wards[resident % _wards.Count];
        var unit = ward.Units[resident / _wards.Count % ward.Units.Count];
        var messageId = Math.Max(1, buttonMessageId);
        return step switch
        {
            0 => UpdateFactory.Text(updateId, chatId, "/start"),
            1 => UpdateFactory.Button(updateId, chatId, "lang:vi", messageId),
            2 => UpdateFactory.Button(updateId, chatId, "consent:yes", messageId),
            3 => UpdateFactory.Button(updateId, chatId, "ward:" + ward.Id, messageId),
            4 => UpdateFactory.Button(updateId, chatId, "unit:" + unit.Id, messageId),
            5 => UpdateFactory.Button(updateId, chatId, "topic:security", messageId),
            6 => UpdateFactory.Button(updateId, chatId, "done", messageId),
            7 => UpdateFactory.Text(updateId, chatId, "/delete_me"),
            8 => UpdateFactory.Button(updateId, chatId, "erase:yes", messageId),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }

    /// <summary>A message the bot sent or edited in a chat (what the resident sees as a reply).</summary>
    public static bool IsReply(RecordedCall call, out long chatId)
    {
        chatId = 0;
        return call.Succeeded
            && (call.Method.StartsWith("send", StringComparison.Ordinal) || call.Method.StartsWith("editMessage", StringComparison.Ordinal))
            && call.Method != "sendChatAction"
            && long.TryParse(call.ChatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out chatId);
    }

    public static int MessageId(RecordedCall call) =>
        call.Result is JsonObject result && result["message_id"] is JsonValue id && id.TryGetValue<int>(out var value) ? value : 0;
}

/// <summary>
/// How many replies each step of the script produces, found by walking one resident through it slowly (this is
/// also the warm-up). The benchmarks then know when a step has been answered in full.
/// </summary>
internal static class Calibration
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    public static async Task<int[]> RunAsync(BotUnderTest bot, Script script, UpdateFeed feed, long chatId, int cycles)
    {
        var counts = new int[script.Length];
        var lastMessageId = 0;
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            for (var step = 0; step < script.Length; step++)
            {
                var before = Replies(bot, chatId).Count;
                var messageId = lastMessageId;
                feed.Enqueue(id => script.Input(step, id, chatId, 0, messageId), route: step);
                var replies = await WaitForQuietAsync(bot, chatId, before);
                var count = replies.Count - before;
                if (count == 0)
                {
                    throw new InvalidOperationException($"Calibration: step {step} ({Script.StepNames[step]}) got no reply.");
                }

                if (cycle > 0 && counts[step] != count)
                {
                    throw new InvalidOperationException($"Calibration: step {step} gave {counts[step]} replies in the first cycle and {count} in cycle {cycle + 1}.");
                }

                counts[step] = count;
                lastMessageId = Script.MessageId(replies[^1]);
            }
        }

        return counts;
    }

    private static List<RecordedCall> Replies(BotUnderTest bot, long chatId) =>
        bot.Fake.Calls.Where(c => Script.IsReply(c, out var chat) && chat == chatId).ToList();

    private static async Task<List<RecordedCall>> WaitForQuietAsync(BotUnderTest bot, long chatId, int before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var replies = Replies(bot, chatId);
        while (replies.Count == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            replies = Replies(bot, chatId);
        }

        // Then until nothing more arrives for a while.
        var seen = replies.Count;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - quietSince < Quiet)
        {
            await Task.Delay(10);
            replies = Replies(bot, chatId);
            if (replies.Count != seen)
            {
                seen = replies.Count;
                quietSince = DateTime.UtcNow;
            }
        }

        return replies;
    }
}
