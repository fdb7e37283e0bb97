using System.Threading.Channels;
using Antq.Core.Instances;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// Tells the other instances on PostgreSQL of each web chat delivery, and wakes this instance's pages for theirs, with
/// LISTEN/NOTIFY on the <see cref="Topic"/> channel: a visitor's page stays on whichever instance the balancer gave it,
/// and a reply another instance sent shows at once instead of at the stream's next look at the database. The payload is
/// the sending instance's id and the chat's id (a random web chat id, nothing personal). If the listening connection
/// drops, it is opened again and every page here reads again, so nothing told meanwhile is missed.
/// </summary>
public sealed partial class WebChatFeedRelay(WebChatFeed feed, IDbContextFactory<AntqDb> dbFactory, ThisInstance me, ILogger<WebChatFeedRelay> logger) : BackgroundService
{
    public const string Topic = "antq_webchat";

    private readonly Channel<string> _told = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        feed.RelayTo(chatId => _told.Writer.TryWrite(chatId));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.RelayTo(null);
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("No connection string for the web chat relay.");
        }

        await Task.WhenAll(ListenAsync(connectionString, stoppingToken), TellAsync(connectionString, stoppingToken));
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        var prefix = me.Id + ":";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (!e.Payload.StartsWith(prefix, StringComparison.Ordinal) && e.Payload.IndexOf(':', StringComparison.Ordinal) is var at and >= 0)
                    {
                        feed.Wake(e.Payload[(at + 1)..]);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Topic}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Listening again after a drop: what was told meanwhile is read by waking every page.
                feed.WakeAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task TellAsync(string connectionString, CancellationToken stoppingToken)
    {
        var batch = new List<string>();
        try
        {
            while (await _told.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < 100 && _told.Reader.TryRead(out var chatId))
                {
                    batch.Add(chatId);
                }

                try
                {
                    // Several deliveries told in one round trip; pooled connections (Npgsql's pool for the same string).
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var tell = new NpgsqlCommand("SELECT pg_notify(@topic, @prefix || c) FROM unnest(@chats) AS c", connection);
                    tell.Parameters.AddWithValue("topic", Topic);
                    tell.Parameters.AddWithValue("prefix", me.Id + ":");
                    tell.Parameters.AddWithValue("chats", batch.Distinct(StringComparer.Ordinal).ToArray());
                    await tell.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The other instances' pages read the database again within their keep-alive (15 s).
                    LogTellFailed(logger, ex, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web chat relay lost its listening connection; listening again in a second")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web chat relay could not tell the other instances of {Count} delivery(ies)")]
    private static partial void LogTellFailed(ILogger logger, Exception exception, int count);
}
