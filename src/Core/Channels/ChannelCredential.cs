namespace Antq.Core.Channels;

/// <summary>A channel's tokens (Zalo's access and single-use refresh token), only ever stored sealed.</summary>
public sealed class ChannelCredential
{
    public required string Channel { get; set; }

    /// <summary>The tokens, sealed with <see cref="CredentialSeal"/>.</summary>
    public required byte[] Sealed { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>SHA-256 of the configured token these descend from: a new one configured by the operator starts over.</summary>
    public required string SeedHash { get; set; }

    public DateTime UpdatedAt { get; set; }
}
