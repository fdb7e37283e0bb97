using Antq.Core.Conversations;

namespace Antq.Core.Delivery;

/// <summary>A channel's way out: sends one message to one chat and says how it went. It never retries by itself.</summary>
public interface IChannelSender
{
    string Channel { get; }

    ChannelLimits Limits { get; }

    /// <summary>What the channel can show; a channel with less than <see cref="ChannelCapabilities.Full"/> says so.</summary>
    ChannelCapabilities Capabilities => ChannelCapabilities.Full;

    /// <summary>
    /// True for a channel whose pages read what was delivered back from the outbox (the web chat): a row is not removed
    /// when sent, since the page has not shown it yet; the channel removes a forgotten one once shown.
    /// </summary>
    bool ReadsBackFromOutbox => false;

    Task<SendResult> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken);
}
