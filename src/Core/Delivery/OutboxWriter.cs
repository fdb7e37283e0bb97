using System.Data.Common;
using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Storage;

namespace Antq.Core.Delivery;

/// <summary>
/// The one writer of outgoing rows, in the caller's transaction (a <see cref="WriteScope"/>: the group writer's turn, or
/// a job's own transaction under the write gate through <see cref="WriteScope.Of"/>): messages to one chat
/// (<see cref="WriteAsync(WriteScope, string, string, IReadOnlyList{string}, DeliveryPriority, DateTime, CancellationToken, OutboxKind?)"/>,
/// leased or not), what changes or jobs collected as <see cref="OutboxSend"/>s, one row per chat a query finds
/// (<see cref="WriteForAsync"/>), or a row that is already sent (<see cref="WriteSentAsync"/>). Every statement shares one column list, so a new column is added here alone, and
/// every queued row is counted on the scope (<see cref="WriteScope.Queued"/>), so whoever commits it wakes the
/// dispatcher without asking the database.
/// </summary>
public static class OutboxWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every column an insert writes, in the order of <see cref="Values"/>.</summary>
    private const string Columns = """("Channel", "ChatId", "Priority", "Kind", "Payload", "Status", "Attempts", "CreatedAt", "NotBefore", "LeaseUntil", "LeasedBy", "BroadcastId", "SentAt", "ChannelMessageId")""";

    /// <summary>The values after the channel and the chat (parameter names the writer keeps for itself).</summary>
    private const string Values = "@priority, @kind, @payload, @status, 0, @now, @notBefore, @until, @leasedBy, @broadcast, @sentAt, @channelMessage";

    /// <summary>The one-chat insert; a statement kept prepared by the scope.</summary>
    private const string InsertOne = $"""INSERT INTO "outbox" {Columns} VALUES (@channel, @chat, {Values}) RETURNING "Id" """;

    /// <summary>A message as the outbox keeps it (serialized before the writer's turn, where it costs nobody a wait).</summary>
    public static string Payload(OutgoingMessage message) => JsonSerializer.Serialize(message, Json);

    /// <summary>Queues <paramref name="payloads"/> for one chat in the scope's transaction; returns the rows, in order, with their ids.</summary>
    public static Task<List<OutboxMessage>> WriteAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, CancellationToken cancellationToken, OutboxKind? kind = null) =>
        InsertAsync(scope, channel, chatId, payloads, priority, now, lease: null, kind, cancellationToken);

    /// <summary>
    /// The same, written already leased by this instance for the time <paramref name="ticket"/> says, for the dispatcher
    /// to be handed once committed (<see cref="ReplyHandoff"/>); returns the rows, in order. Not counted as queued: they are handed.
    /// </summary>
    public static Task<List<OutboxMessage>> WriteLeasedAsync(WriteScope scope, HandoffTicket ticket, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, CancellationToken cancellationToken) =>
        WriteLeasedAsync(scope, ticket.Channel, ticket.ChatId, payloads, priority, now, now + ticket.Lease, ticket.Instance, cancellationToken);

    /// <summary>The same for a chat, leased until <paramref name="leaseUntil"/> by instance <paramref name="leasedBy"/>.</summary>
    public static Task<List<OutboxMessage>> WriteLeasedAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, DateTime leaseUntil, string leasedBy, CancellationToken cancellationToken) =>
        InsertAsync(scope, channel, chatId, payloads, priority, now, (leaseUntil, leasedBy), kind: null, cancellationToken);

    /// <summary>
    /// Queues what was collected to send (<see cref="ChangeContext.Send"/> of a turn's changes, a job's notices), in the
    /// scope's transaction; returns the rows in the order of <paramref name="sends"/>.
    /// </summary>
    public static async Task<List<OutboxMessage>> WriteAsync(WriteScope scope, IReadOnlyList<OutboxSend> sends, DateTime now, CancellationToken cancellationToken)
    {
        var rows = new List<OutboxMessage>(sends.Count);
        foreach (var send in sends)
        {
            rows.AddRange(await InsertAsync(scope, send.Channel, send.ChatId, [Payload(send.Message)], send.Priority, now, lease: null, send.Kind, cancellationToken));
        }

        return rows;
    }

    /// <summary>
    /// One queued row with <paramref name="message"/> for every resident <paramref name="recipients"/> finds (a <c>FROM</c>
    /// clause on <c>"residents" AS r</c> with its conditions, whose values are in <paramref name="parameters"/>), as one
    /// <c>INSERT … SELECT</c> in the scope's transaction: a broadcast's audience, an event's reminder, the pledge
    /// renewals. Returns how many.
    /// </summary>
    public static async Task<int> WriteForAsync(WriteScope scope, string recipients, SqlParameters parameters, OutgoingMessage message, DeliveryPriority priority, DateTime now, DateTime notBefore, CancellationToken cancellationToken, long? broadcastId = null, OutboxKind? kind = null)
    {
        parameters["@priority"] = (int)priority;
        parameters["@kind"] = (int?)kind;
        parameters["@payload"] = Payload(message);
        parameters["@status"] = (int)DeliveryStatus.Queued;
        parameters["@now"] = now;
        parameters["@notBefore"] = notBefore;
        parameters["@until"] = null;
        parameters["@leasedBy"] = null;
        parameters["@broadcast"] = broadcastId;
        parameters["@sentAt"] = null;
        parameters["@channelMessage"] = null;
        await using var command = scope.Connection.Command(scope.Transaction, $"""INSERT INTO "outbox" {Columns} SELECT r."Channel", r."ChatId", {Values} """ + recipients);
        parameters.AddTo(command);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken);
        scope.CountQueued(rows);
        return rows;
    }

    /// <summary>
    /// A row written as already sent at <paramref name="now"/> (the dispatcher never takes it, so it is not counted as
    /// queued): a message that is shown in a chat's history without being delivered, such as the web chat's echo of a
    /// pressed button, kept with the chat's other rows. <paramref name="channelMessageId"/> is what it refers to there.
    /// </summary>
    public static async Task<long> WriteSentAsync(WriteScope scope, string channel, string chatId, OutgoingMessage message, DeliveryPriority priority, OutboxKind kind, string? channelMessageId, DateTime now, CancellationToken cancellationToken)
    {
        var command = Bind(scope.Statement(InsertOne), channel, chatId, priority, kind, DeliveryStatus.Sent, now, lease: null, sentAt: now, channelMessageId)
            .Set("@payload", Payload(message));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every column of <see cref="InsertOne"/> but the payload, which each row sets.</summary>
    private static DbCommand Bind(DbCommand command, string channel, string chatId, DeliveryPriority priority, OutboxKind? kind, DeliveryStatus status, DateTime now, (DateTime Until, string By)? lease, DateTime? sentAt, string? channelMessageId) =>
        command.Set("@channel", channel).Set("@chat", chatId).Set("@priority", (int)priority).Set("@kind", (int?)kind)
            .Set("@status", (int)status).Set("@now", now).Set("@notBefore", now).Set("@until", lease?.Until).Set("@leasedBy", lease?.By).Set("@broadcast", null)
            .Set("@sentAt", sentAt).Set("@channelMessage", channelMessageId);

    private static async Task<List<OutboxMessage>> InsertAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, (DateTime Until, string By)? lease, OutboxKind? kind, CancellationToken cancellationToken)
    {
        var leaseUntil = lease?.Until;
        var rows = new List<OutboxMessage>(payloads.Count);
        if (payloads.Count == 0)
        {
            return rows;
        }

        var status = leaseUntil is null ? DeliveryStatus.Queued : DeliveryStatus.InFlight;
        var command = Bind(scope.Statement(InsertOne), channel, chatId, priority, kind, status, now, lease, sentAt: null, channelMessageId: null);
        foreach (var payload in payloads)
        {
            command.Set("@payload", payload);
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            rows.Add(new OutboxMessage
            {
                Id = id, Channel = channel, ChatId = chatId, Priority = priority, Kind = kind, Payload = payload,
                Status = status, CreatedAt = now, NotBefore = now, LeaseUntil = leaseUntil, LeasedBy = lease?.By,
            });
        }

        if (leaseUntil is null)
        {
            scope.CountQueued(rows.Count);
        }

        return rows;
    }

    /// <summary>
    /// Whether the replies the <paramref name="ticket"/> has room for must be queued rather than handed over: replies to
    /// the chat still wait in the queue (the chat held its limit when they were written), which go first; or, on a shared
    /// database, another instance has rows of the chat in flight (an earlier turn's replies handled there), which go
    /// before them and never beside them, or sent to the chat within the channel's per-chat spacing (the dispatcher's
    /// lease leaves the chat until it has passed). One seek on the (Channel, ChatId, Status) index each.
    /// </summary>
    public static async Task<bool> RepliesQueuedAsync(WriteScope scope, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var command = scope.Statement(ticket.Shared
            ? """SELECT EXISTS (SELECT 1 FROM "outbox" WHERE "Channel" = @channel AND "ChatId" = @chat AND "Status" = @queued AND "Priority" = @reply) """ +
              """OR EXISTS (SELECT 1 FROM "outbox" WHERE "Channel" = @channel AND "ChatId" = @chat AND "Status" = @inFlight AND "LeasedBy" IS DISTINCT FROM @me) """ +
              """OR EXISTS (SELECT 1 FROM "outbox" WHERE "Channel" = @channel AND "ChatId" = @chat AND "Status" = @sent AND "SentAt" > @recent AND "LeasedBy" IS DISTINCT FROM @me)"""
            : """SELECT EXISTS (SELECT 1 FROM "outbox" WHERE "Channel" = @channel AND "ChatId" = @chat AND "Status" = @queued AND "Priority" = @reply)""");
        command.Set("@channel", ticket.Channel).Set("@chat", ticket.ChatId).Set("@queued", (int)DeliveryStatus.Queued).Set("@reply", (int)DeliveryPriority.Reply);
        if (ticket.Shared)
        {
            command.Set("@inFlight", (int)DeliveryStatus.InFlight).Set("@me", ticket.Instance)
                .Set("@sent", (int)DeliveryStatus.Sent).Set("@recent", ticket.SentElsewhereAfter);
        }

        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static OutgoingMessage Read(OutboxMessage row) =>
        JsonSerializer.Deserialize<OutgoingMessage>(row.Payload, Json) ?? throw new InvalidDataException($"Outbox row {row.Id} has no message.");
}
