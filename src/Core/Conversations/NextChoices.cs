namespace Antq.Core.Conversations;

/// <summary>
/// One answer, one message: the main menu that follows an answer goes under it as buttons rather than as a message
/// of its own, since on Telegram a chat gets about one message a second and the menu would arrive a second later.
/// </summary>
public static class NextChoices
{
    /// <summary>The messages with each attachable menu (<see cref="OutgoingMessage.AttachesAs"/>) put under the answer before it.</summary>
    public static IReadOnlyList<OutgoingMessage> Attach(IReadOnlyList<OutgoingMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!messages.Any(m => m.AttachesAs is not null))
        {
            return messages;
        }

        var joined = new List<OutgoingMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (message.AttachesAs is { } row && joined.Count > 0 && Takes(joined[^1]))
            {
                var answer = joined[^1];
                joined[^1] = answer with { Buttons = answer.Buttons.Count == 0 ? message.Buttons : [.. answer.Buttons, row] };
                continue;
            }

            joined.Add(message);
        }

        return joined;
    }

    // An edit in place changes an earlier message, and an erasure's answer is the chat's last: neither takes a menu.
    private static bool Takes(OutgoingMessage answer) =>
        answer.AttachesAs is null && answer.ReplacesMessageId is null && !answer.ForgetsChat && answer.Expects == ExpectedInput.Any;
}
