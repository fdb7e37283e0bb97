namespace Antq.Core.Channels;

/// <summary>When a chat last wrote to the service: channels that only allow answers for a while after it (Zalo) check it.</summary>
public sealed class ChatActivity
{
    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    public DateTime LastInboundAt { get; set; }
}
