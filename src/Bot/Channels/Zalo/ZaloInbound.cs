using Antq.Core.Conversations;

namespace Antq.Bot.Channels.Zalo;

/// <summary>What one Zalo webhook event means to the service: the resident's input, or why it is ignored (no personal data).</summary>
public sealed record ZaloInbound(InboundMessage? Message, string? IgnoredBecause)
{
    /// <summary>The event shows the user interacted with the OA (it opens Zalo's window for consultation messages).</summary>
    public bool IsInteraction => Message is { Kind: not InboundKind.ChatLeft };

    internal static ZaloInbound Accept(InboundMessage message) => new(message, null);

    internal static ZaloInbound Ignore(string because) => new(null, because);
}
