using System.Security.Cryptography;
using System.Text;
using Antq.Core.Storage;

namespace Antq.Bot.Hosting;

/// <summary>
/// A 32-byte key: from configuration (base64, set from a secret store in production), else generated once into an
/// owner-only file beside the data, so a newcomer can run the service. The file is never written twice.
/// </summary>
public static class SecretKey
{
    public const int Length = 32;

    /// <param name="configured">The configured base64 value, empty for none.</param>
    /// <param name="key">The configuration key, named in messages.</param>
    /// <param name="file">Where a generated key is kept (absolute).</param>
    public static byte[] Load(string? configured, string key, string file)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Decode(configured) ?? throw new ConfigurationProblemException($"{key} must be base64 of {Length} random bytes (e.g. `openssl rand -base64 {Length}`).");
        }

        if (!File.Exists(file))
        {
            var generated = RandomNumberGenerator.GetBytes(Length);
            if (OwnerOnlyFiles.TryCreate(file, Encoding.ASCII.GetBytes(Convert.ToBase64String(generated))))
            {
                return generated;
            }
        }

        return Decode(File.ReadAllText(file)) ?? throw new ConfigurationProblemException($"{file} does not hold a {Length}-byte key; set {key} or delete the file.");
    }

    private static byte[]? Decode(string value)
    {
        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            return bytes.Length == Length ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
