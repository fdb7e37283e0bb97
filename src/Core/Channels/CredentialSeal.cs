using System.Security.Cryptography;
using System.Text;

namespace Antq.Core.Channels;

/// <summary>Seals channel tokens at rest with AES-GCM, under a key derived from the service's secret (never stored).</summary>
public sealed class CredentialSeal(byte[] secret)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "antq channel credentials"u8.ToArray());

    /// <summary>Seals <paramref name="plain"/>; <paramref name="channel"/> is bound in, so one channel's blob cannot stand in for another's.</summary>
    public byte[] Seal(string channel, string plain)
    {
        var bytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + TagSize + bytes.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, bytes, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(channel));
        return sealedBytes;
    }

    public string Open(string channel, byte[] sealedBytes)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(channel));
        return Encoding.UTF8.GetString(plain);
    }
}
