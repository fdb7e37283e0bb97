namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// One browser, known by a server-issued, signed cookie holding a random secret. The database never sees the secret:
/// the chat id is its SHA-256, so a leaked database does not let anyone speak as a visitor.
/// </summary>
/// <param name="Secret">The random secret (base64url of 32 bytes); the same for the chat's whole life.</param>
/// <param name="ChatId">The chat id the engine knows: SHA-256 of the secret, base64url.</param>
/// <param name="IsNew">True when the cookie was issued by this request.</param>
public sealed record WebChatVisitor(string Secret, string ChatId, bool IsNew)
{
    /// <summary>The random part of this cookie value: it changes at each renewal, the secret does not.</summary>
    public string Nonce { get; init; } = "";

    public WebChatStage Stage { get; init; }

    /// <summary>True when the server holds a renewed value for this chat (then only that value is accepted).</summary>
    public bool Renewed { get; init; }

    /// <summary>A keyed hash of the network the request came from, for per-network limits; never the address itself.</summary>
    public string? Network { get; init; }
}
