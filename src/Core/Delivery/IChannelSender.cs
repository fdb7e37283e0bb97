using Antq.Core.Conversations;

namespace Antq.Core.Delivery;

/// <summary>A channel's way out: sends one message to one chat and says how it went. It never retries by itself.</summary>
public interface IChannelSender
{
    string Channel { get; }

    ChannelLimits Limits { get; }

    /// <summary>What the channel can show; a channel with less than <see cref="ChannelCapabilities.Full"/> says so.</summary>
    ChannelCapabilities Capabilities => ChannelCapabilities.Full;

    Task<SendResult> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken);
}
