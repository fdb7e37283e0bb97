using System.Data.Common;
using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Storage;

namespace Antq.Core.Delivery;

/// <summary>
/// The one writer of outgoing rows: added to an EF unit of work (<see cref="Enqueue"/>), written at once in the
/// writer's turn (<see cref="WriteAsync(WriteScope, string, string, IReadOnlyList{string}, DeliveryPriority, DateTime, CancellationToken)"/>,
/// leased or not), or one row per chat a query finds (<see cref="InsertFor"/>). The raw statements share one column
/// list, so a new column is added here alone.
/// </summary>
public static class OutboxWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every column a raw insert writes, in the order of <see cref="Values"/>.</summary>
    private const string Columns = """("Channel", "ChatId", "Priority", "Kind", "Payload", "Status", "Attempts", "CreatedAt", "NotBefore", "LeaseUntil", "BroadcastId")""";

    /// <summary>The values after the channel and the chat, as the parameters <see cref="Bind"/> sets.</summary>
    private const string Values = "@priority, @kind, @payload, @status, 0, @now, @notBefore, @until, @broadcast";

    /// <summary>Adds the messages to <paramref name="db"/>'s unit of work; returns the rows (their ids once saved).</summary>
    public static List<OutboxMessage> Enqueue(AntqDb db, string channel, string chatId, IEnumerable<OutgoingMessage> messages, DeliveryPriority priority, DateTime now, OutboxKind? kind = null)
    {
        var rows = new List<OutboxMessage>();
        foreach (var message in messages)
        {
            rows.Add(new OutboxMessage
            {
                Channel = channel,
                ChatId = chatId,
                Priority = priority,
                Kind = kind,
                Payload = Payload(message),
                Status = DeliveryStatus.Queued,
                CreatedAt = now,
                NotBefore = now,
            });
        }

        db.Outbox.AddRange(rows);
        return rows;
    }

    /// <summary>
    /// <c>INSERT … SELECT</c> of one queued row for every resident <paramref name="recipients"/> finds (a <c>FROM</c>
    /// clause on <c>"residents" AS r</c> with its conditions); the row's values are bound by <see cref="Bind"/>.
    /// </summary>
    public static string InsertFor(string recipients) =>
        $"""INSERT INTO "outbox" {Columns} SELECT r."Channel", r."ChatId", {Values} """ + recipients;

    /// <summary>Binds the values of the rows <see cref="InsertFor"/> writes.</summary>
    public static SqlParameters Bind(SqlParameters parameters, OutgoingMessage message, DeliveryPriority priority, DateTime now, DateTime notBefore, long? broadcastId = null, OutboxKind? kind = null)
    {
        parameters["@priority"] = (int)priority;
        parameters["@kind"] = (int?)kind;
        parameters["@payload"] = Payload(message);
        parameters["@status"] = (int)DeliveryStatus.Queued;
        parameters["@now"] = now;
        parameters["@notBefore"] = notBefore;
        parameters["@until"] = null;
        parameters["@broadcast"] = broadcastId;
        return parameters;
    }

    /// <summary>A message as the outbox keeps it (serialized before the writer's turn, where it costs nobody a wait).</summary>
    public static string Payload(OutgoingMessage message) => JsonSerializer.Serialize(message, Json);

    /// <summary>The same as <see cref="Enqueue"/>, written at once in the caller's transaction (the engine's hot path).</summary>
    public static Task WriteAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, CancellationToken cancellationToken) =>
        InsertAsync(scope, channel, chatId, payloads, priority, now, leaseUntil: null, cancellationToken);

    /// <summary>
    /// The same, written already leased until <paramref name="leaseUntil"/> for the dispatcher to be handed once
    /// committed (<see cref="ReplyHandoff"/>); returns the rows, in order.
    /// </summary>
    public static Task<List<OutboxMessage>> WriteLeasedAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken) =>
        InsertAsync(scope, channel, chatId, payloads, priority, now, leaseUntil, cancellationToken);

    /// <summary>What the changes of a turn sent to other chats (<see cref="ChangeContext.Send"/>), in the turn's transaction.</summary>
    public static async Task WriteAsync(WriteScope scope, IReadOnlyList<OutboxSend> sends, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var send in sends)
        {
            await InsertAsync(scope, send.Channel, send.ChatId, [Payload(send.Message)], send.Priority, now, leaseUntil: null, cancellationToken, send.Kind);
        }
    }

    private static async Task<List<OutboxMessage>> InsertAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, DateTime? leaseUntil, CancellationToken cancellationToken, OutboxKind? kind = null)
    {
        var rows = new List<OutboxMessage>(payloads.Count);
        if (payloads.Count == 0)
        {
            return rows;
        }

        var status = leaseUntil is null ? DeliveryStatus.Queued : DeliveryStatus.InFlight;
        var command = scope.Statement($"""INSERT INTO "outbox" {Columns} VALUES (@channel, @chat, {Values}) RETURNING "Id" """);
        command.Set("@channel", channel).Set("@chat", chatId).Set("@priority", (int)priority).Set("@kind", (int?)kind)
            .Set("@status", (int)status).Set("@now", now).Set("@notBefore", now).Set("@until", leaseUntil).Set("@broadcast", null);
        foreach (var payload in payloads)
        {
            command.Set("@payload", payload);
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            rows.Add(new OutboxMessage
            {
                Id = id, Channel = channel, ChatId = chatId, Priority = priority, Kind = kind, Payload = payload,
                Status = status, CreatedAt = now, NotBefore = now, LeaseUntil = leaseUntil,
            });
        }

        return rows;
    }

    /// <summary>
    /// Whether replies to the chat still wait in the queue (the chat held its limit when they were written): a turn's
    /// replies are then queued behind them rather than handed over ahead of them. One seek on the (Channel, ChatId,
    /// Status) index.
    /// </summary>
    public static async Task<bool> RepliesQueuedAsync(WriteScope scope, string channel, string chatId, CancellationToken cancellationToken)
    {
        var command = scope.Statement("SELECT EXISTS (SELECT 1 FROM outbox WHERE Channel = @channel AND ChatId = @chat AND Status = @queued AND Priority = @reply)");
        command.Set("@channel", channel).Set("@chat", chatId).Set("@queued", (int)DeliveryStatus.Queued).Set("@reply", (int)DeliveryPriority.Reply);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! != 0;
    }

    public static OutgoingMessage Read(OutboxMessage row) =>
        JsonSerializer.Deserialize<OutgoingMessage>(row.Payload, Json) ?? throw new InvalidDataException($"Outbox row {row.Id} has no message.");
}
