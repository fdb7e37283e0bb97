using System.Security.Cryptography;
using Antq.Core.Tips;

namespace Antq.Bot.Hosting;

/// <summary>
/// The key that seals the way back to tipsters. Production sets Tips:RouteKey (base64 of 32 bytes) from a secret
/// store; without it a key is generated once into a file beside the data, so a newcomer can run the service.
/// </summary>
public static class TipRouteKey
{
    public static byte[] Load(TipOptions options, string root)
    {
        if (!string.IsNullOrWhiteSpace(options.RouteKey))
        {
            try
            {
                var key = Convert.FromBase64String(options.RouteKey);
                return key.Length == 32 ? key : throw new FormatException();
            }
            catch (FormatException)
            {
                throw new ConfigurationProblemException("Tips:RouteKey must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
            }
        }

        var file = Path.IsPathRooted(options.RouteKeyFile) ? options.RouteKeyFile : Path.Combine(root, options.RouteKeyFile);
        if (File.Exists(file))
        {
            var stored = Convert.FromBase64String(File.ReadAllText(file).Trim());
            return stored.Length == 32 ? stored : throw new ConfigurationProblemException($"{file} does not hold a 32-byte key; set Tips:RouteKey or delete the file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var generated = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(file, Convert.ToBase64String(generated));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return generated;
    }
}
