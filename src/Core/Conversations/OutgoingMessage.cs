using System.Text.Json.Serialization;

namespace Antq.Core.Conversations;

/// <summary>What the service says, as every channel can render it: text, rows of buttons, optionally one media file.</summary>
public sealed record OutgoingMessage
{
    public required string Text { get; init; }

    /// <summary>Rows of buttons under the message; a pressed button comes back as <see cref="InboundKind.Button"/>.</summary>
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];

    public MediaRef? Media { get; init; }

    /// <summary>What the message asks for, where a channel can offer a better control than a text box.</summary>
    public ExpectedInput Expects { get; init; }

    /// <summary>
    /// When set, the channel updates this earlier message of the bot in place (a toggled checkbox, the next page)
    /// instead of sending a new one; a channel that cannot edit sends it as new.
    /// </summary>
    public string? ReplacesMessageId { get; init; }

    /// <summary>
    /// The dispatcher records the channel's id of this message on its outbox row once sent, so it can be edited
    /// later (a broadcast's progress, a tip's card: <see cref="Tips.TipCardCopies"/>). Off for everything else:
    /// recording it costs a write per message.
    /// </summary>
    public bool KeepsMessageId { get; init; }

    /// <summary>
    /// The answer to an erasure: once it is delivered (or given up), its outbox row goes too, with the chat's last
    /// traces (its Zalo window, its numbered buttons), so no record of the chat is left behind.
    /// </summary>
    public bool ForgetsChat { get; init; }

    /// <summary>
    /// Set on the main menu offered after an answer: the engine puts its buttons under the answer before it instead
    /// of sending a message of its own (<see cref="NextChoices"/>); an answer with buttons of its own gets only this
    /// row. Never stored: by the time a message is queued it has been attached or sent as it is.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Button>? AttachesAs { get; init; }

    /// <summary>Set by the dispatcher on broadcast traffic in a channel's paid mode (Telegram's allow_paid_broadcast).</summary>
    public bool PaidBroadcast { get; init; }
}
