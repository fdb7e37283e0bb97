using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Antq.Core.Channels;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// The OA's access token and its single-use refresh token. A new pair is stored (sealed) before it is used, so a
/// spent refresh token is never sent again, even after a crash; one refresh at a time; refreshed ahead of expiry.
/// </summary>
public sealed partial class ZaloTokens(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    CredentialSeal seal,
    ZaloApi api,
    IOptions<ZaloOptions> options,
    TimeProvider time,
    ILogger<ZaloTokens> logger)
{
    /// <summary>Refresh this long before the access token (about 25 h) runs out.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private TokenPair? _current;

    /// <summary>A usable access token, refreshed first when it is missing or about to run out.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var pair = _current;
        if (pair is { AccessToken.Length: > 0 } && pair.ExpiresAt - time.GetUtcNow().UtcDateTime > RefreshAhead)
        {
            return pair.AccessToken;
        }

        return await RefreshAsync(pair?.AccessToken, cancellationToken);
    }

    /// <summary>
    /// Trades the refresh token for a new pair, unless another caller already replaced <paramref name="stale"/>
    /// while this one waited its turn. Throws <see cref="ZaloTokenException"/> when Zalo refuses.
    /// </summary>
    public async Task<string> RefreshAsync(string? stale, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var pair = _current ??= await LoadAsync(cancellationToken);
            if (pair.AccessToken.Length > 0 && pair.AccessToken != stale && pair.ExpiresAt - time.GetUtcNow().UtcDateTime > RefreshAhead)
            {
                return pair.AccessToken;
            }

            var answer = await api.RefreshAsync(pair.RefreshToken, cancellationToken);
            if (!answer.Succeeded)
            {
                LogRefreshRefused(logger, answer.Error, answer.ErrorName);
                throw new ZaloTokenException($"Zalo refused the refresh token ({answer.Error} {answer.ErrorName}); set a new Zalo:RefreshToken.");
            }

            var fresh = new TokenPair(answer.AccessToken!, answer.RefreshToken!, time.GetUtcNow().UtcDateTime + answer.ExpiresIn);
            await SaveAsync(fresh, cancellationToken);
            _current = fresh;
            LogRefreshed(logger, answer.ExpiresIn.TotalHours);
            return fresh.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The stored pair; the configured refresh token only when nothing descends from it yet (or the operator gave a new one).</summary>
    private async Task<TokenPair> LoadAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.RefreshToken;
        var seed = SeedHash(configured);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ChannelCredentials.AsNoTracking().SingleOrDefaultAsync(c => c.Channel == ZaloChannel.ChannelName, cancellationToken);
        if (row is not null && row.SeedHash == seed)
        {
            var stored = JsonSerializer.Deserialize<StoredTokens>(seal.Open(ZaloChannel.ChannelName, row.Sealed))!;
            return new TokenPair(stored.Access, stored.Refresh, row.ExpiresAt);
        }

        return new TokenPair("", configured, DateTime.MinValue);
    }

    private async Task SaveAsync(TokenPair pair, CancellationToken cancellationToken)
    {
        var sealedBytes = seal.Seal(ZaloChannel.ChannelName, JsonSerializer.Serialize(new StoredTokens(pair.AccessToken, pair.RefreshToken)));
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var row = await db.ChannelCredentials.SingleOrDefaultAsync(c => c.Channel == ZaloChannel.ChannelName, cancellationToken);
            if (row is null)
            {
                row = new ChannelCredential { Channel = ZaloChannel.ChannelName, Sealed = sealedBytes, SeedHash = "" };
                db.ChannelCredentials.Add(row);
            }

            row.Sealed = sealedBytes;
            row.ExpiresAt = pair.ExpiresAt;
            row.SeedHash = SeedHash(options.Value.RefreshToken);
            row.UpdatedAt = now;

            // Not cancellable: Zalo has already spent the old refresh token, so the new pair must be kept.
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private static string SeedHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record TokenPair(string AccessToken, string RefreshToken, DateTime ExpiresAt);

    private sealed record StoredTokens(string Access, string Refresh);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo access token refreshed (valid {Hours:F1} h)")]
    private static partial void LogRefreshed(ILogger logger, double hours);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo refused the refresh token ({Error} {Name}): set a new Zalo:RefreshToken from the Zalo developer console")]
    private static partial void LogRefreshRefused(ILogger logger, int error, string? name);
}

/// <summary>Zalo would not give a new token pair.</summary>
public sealed class ZaloTokenException(string message) : Exception(message);
