using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Antq.Core.Channels;
using Antq.Core.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Bot.WebConsole;

/// <summary>
/// One-time sign-in links: 256 random bits, of which only the SHA-256 is stored, valid ten minutes, used once. An
/// officer holds at most one: it is kept as the officer's <see cref="ChannelSession"/> row under the channel name
/// <see cref="Channel"/> (the table's meaning: the one session value now valid), so a new link replaces the old one.
/// </summary>
public sealed class ConsoleLinks(GroupWriter writer, TimeProvider time, IOptions<ConsoleOptions> options, IConfiguration configuration, IServer server)
{
    public const string Channel = "console-link";

    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(10);

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Records <paramref name="token"/> as the officer's one valid link, in the caller's transaction.</summary>
    public static async Task StoreAsync(AntqDb db, long officerId, string token, DateTime now, CancellationToken cancellationToken)
    {
        var chat = officerId.ToString(CultureInfo.InvariantCulture);
        var row = await db.ChannelSessions.SingleOrDefaultAsync(s => s.Channel == Channel && s.ChatId == chat, cancellationToken);
        row ??= db.ChannelSessions.Add(new ChannelSession { Channel = Channel, ChatId = chat, CurrentHash = "" }).Entity;
        row.CurrentHash = Hash(token);
        row.RenewedAt = now;
    }

    /// <summary>The officer the link was made for, once: the link is spent whether it was still valid or not.</summary>
    public Task<long?> RedeemAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length != 43)
        {
            return Task.FromResult<long?>(null);
        }

        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        return writer.WriteAsync<long?>(async (scope, ct) =>
        {
            var row = await scope.Db.ChannelSessions.SingleOrDefaultAsync(s => s.Channel == Channel && s.CurrentHash == hash, ct);
            if (row is null)
            {
                return null;
            }

            scope.Db.ChannelSessions.Remove(row);
            await scope.Db.SaveChangesAsync(ct);
            return DateTime.SpecifyKind(row.RenewedAt, DateTimeKind.Utc) + Validity >= now ? long.Parse(row.ChatId, CultureInfo.InvariantCulture) : null;
        });
    }

    /// <summary>The address of a sign-in link: <c>Console:PublicUrl</c>, else the webhook's origin, else where the service listens.</summary>
    public string LinkFor(string token) => BaseUrl() + "/console/signin/" + token;

    private string BaseUrl()
    {
        if (options.Value.PublicUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        if (Uri.TryCreate(configuration["Telegram:WebhookUrl"], UriKind.Absolute, out var webhook))
        {
            return webhook.GetLeftPart(UriPartial.Authority);
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:8080";
        return listening.TrimEnd('/');
    }
}
