namespace Antq.Core.Tips;

/// <summary>The way back to a tipster, kept apart from the tip and encrypted with a key that is not in the database.</summary>
public sealed class TipRoute
{
    public long Id { get; set; }

    public long TipId { get; set; }

    /// <summary>AES-GCM ciphertext of the channel, chat and user ids (nonce and tag included).</summary>
    public required byte[] Sealed { get; set; }

    /// <summary>Set when the tip is closed: after this the route is deleted and the tip can no longer be tied to anyone.</summary>
    public DateTime? DeleteAfter { get; set; }
}
