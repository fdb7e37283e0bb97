using System.Data.Common;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Conversations;

/// <summary>The engine's own reads and writes, as hand-written statements (they run for every update).</summary>
internal static class ConversationStore
{
    public sealed record InboxRow(string? Payload, DateTime ReceivedAt, DateTime? HandledAt);

    public static async Task<InboxRow?> LoadInboxAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, """SELECT "Payload", "ReceivedAt", "HandledAt" FROM "inbox" WHERE "Id" = @id""").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new InboxRow(reader.StringOrNull(0), reader.Utc(1), reader.UtcOrNull(2)) : null;
    }

    public static async Task<ConversationState?> LoadStateAsync(DbConnection connection, string channel, string chatId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
                null,
                """SELECT "Id", "Flow", "Step", "FlowVersion", "Data", "Language", "UpdatedAt", "Revision" FROM "conversations" WHERE "Channel" = @channel AND "ChatId" = @chat""")
            .With("@channel", channel).With("@chat", chatId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ConversationState
        {
            Id = reader.GetInt64(0),
            Channel = channel,
            ChatId = chatId,
            Flow = reader.StringOrNull(1),
            Step = reader.StringOrNull(2),
            FlowVersion = reader.GetInt32(3),
            Data = reader.GetString(4),
            Language = reader.StringOrNull(5),
            UpdatedAt = reader.Utc(6),
            Revision = reader.GetInt32(7),
        };
    }

    /// <summary>Inserts a new state, or updates the stored one if it is still at <paramref name="revision"/>.</summary>
    public static async Task SaveStateAsync(WriteScope scope, ConversationState state, bool isNew, int revision, CancellationToken cancellationToken)
    {
        var command = scope.Statement(
            isNew
                ? """
                  INSERT INTO "conversations" ("Channel", "ChatId", "Flow", "Step", "FlowVersion", "Data", "Language", "UpdatedAt", "Revision")
                  VALUES (@channel, @chat, @flow, @step, @version, @data, @language, @updated, @revision)
                  """
                : """
                  UPDATE "conversations" SET "Flow" = @flow, "Step" = @step, "FlowVersion" = @version, "Data" = @data, "Language" = @language,
                  "UpdatedAt" = @updated, "Revision" = @revision WHERE "Id" = @id AND "Revision" = @previous
                  """);
        command.Set("@channel", state.Channel).Set("@chat", state.ChatId).Set("@flow", state.Flow).Set("@step", state.Step)
            .Set("@version", state.FlowVersion).Set("@data", state.Data).Set("@language", state.Language).Set("@updated", state.UpdatedAt)
            .Set("@revision", state.Revision).Set("@id", state.Id).Set("@previous", revision);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            // Lanes keep one chat's updates in order, so this means a second process is handling the same chat.
            throw new DbUpdateConcurrencyException($"The conversation state of a {state.Channel} chat changed while an update was handled.");
        }
    }

    /// <summary>The update is done (its payload is no longer kept); <paramref name="error"/> says why, when handling gave up.</summary>
    public static async Task MarkHandledAsync(WriteScope scope, long id, DateTime handledAt, CancellationToken cancellationToken, string? error = null)
    {
        var command = scope.Statement("""UPDATE "inbox" SET "HandledAt" = @handled, "Payload" = NULL, "Error" = @error WHERE "Id" = @id AND "HandledAt" IS NULL""")
            .Set("@handled", handledAt).Set("@id", id).Set("@error", error);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            // Handled meanwhile by another turn (another instance): this one's state, changes and replies roll back with it.
            throw new DbUpdateConcurrencyException($"Inbox row {id} was handled while this turn ran.");
        }
    }
}
