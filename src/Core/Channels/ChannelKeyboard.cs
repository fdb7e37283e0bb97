namespace Antq.Core.Channels;

/// <summary>
/// The choices last offered to a chat on a channel whose buttons come back as plain text (Zalo): the pressed label,
/// or the number typed for a numbered list, is turned back into the button's data.
/// </summary>
public sealed class ChannelKeyboard
{
    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    /// <summary>The buttons as JSON, in the order offered.</summary>
    public required string Buttons { get; set; }

    public bool Numbered { get; set; }

    public DateTime UpdatedAt { get; set; }
}
