using System.Security.Cryptography;
using System.Text;
using Antq.Core.Tips;

namespace Antq.Core.Officers;

/// <summary>Invitation codes: like tracking codes, shown once; only their hash is stored.</summary>
public static class InvitationCode
{
    public static string New() => TrackingCode.New();

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
