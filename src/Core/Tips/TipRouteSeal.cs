using System.Security.Cryptography;
using System.Text;

namespace Antq.Core.Tips;

/// <summary>Seals and opens the way back to a tipster with AES-GCM; the key never touches the database.</summary>
public sealed class TipRouteSeal(byte[] key)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // One configured secret, two keys: one seals routes, the other hashes residents for quotas.
    private readonly byte[] _sealKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "antq tip route"u8.ToArray());
    private readonly byte[] _quotaKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "antq tip quota"u8.ToArray());

    public byte[] Seal(TipperAddress address)
    {
        var plain = Encoding.UTF8.GetBytes($"{address.Channel}\n{address.ChatId}\n{address.UserId}");
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealKey, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return sealedBytes;
    }

    public TipperAddress Open(byte[] sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_sealKey, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        var parts = Encoding.UTF8.GetString(plain).Split('\n');
        return new TipperAddress(parts[0], parts[1], parts[2]);
    }

    /// <summary>A keyed hash of a resident, for counting their tips without being able to tell who they are.</summary>
    public string ResidentKey(string channel, string userId) =>
        Convert.ToHexString(HMACSHA256.HashData(_quotaKey, Encoding.UTF8.GetBytes("quota\n" + channel + "\n" + userId)));
}

/// <summary>Where a tipster can be reached: only ever held sealed, or in memory while a message is addressed.</summary>
public sealed record TipperAddress(string Channel, string ChatId, string UserId);
