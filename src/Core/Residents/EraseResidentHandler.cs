using Antq.Core.Conversations;
using Antq.Core.Storage;

namespace Antq.Core.Residents;

/// <summary>Applies <see cref="EraseResident"/> in the engine's transaction.</summary>
public sealed class EraseResidentHandler(IEnumerable<IResidentDataEraser> erasers) : IChangeHandler<EraseResident>
{
    public async Task ApplyAsync(EraseResident change, ChangeContext context, CancellationToken cancellationToken)
    {
        // One kept statement for the deletes (an erasure is every resident's right, so it is on the hot path).
        // In-flight replies go too: the send in hand finishes, and recording its outcome finds nothing to update.
        var command = context.Statement(
                """
                DELETE FROM "residents" WHERE "Channel" = @channel AND "ExternalUserId" = @user;
                DELETE FROM "conversations" WHERE "Channel" = @channel AND "ChatId" = @chat;
                DELETE FROM "outbox" WHERE "Channel" = @channel AND "ChatId" = @chat;
                DELETE FROM "inbox" WHERE "Channel" = @channel AND "ChatId" = @chat AND "HandledAt" IS NOT NULL;
                UPDATE "inbox" SET "ChatId" = '' WHERE "Channel" = @channel AND "ExternalId" = @update;
                DELETE FROM "event_rsvps" WHERE "Channel" = @channel AND "ChatId" = @chat;
                DELETE FROM "channel_keyboards" WHERE "Channel" = @channel AND "ChatId" = @chat;
                DELETE FROM "channel_sessions" WHERE "Channel" = @channel AND "ChatId" = @chat
                """)
            .Set("@channel", context.Input.Channel).Set("@user", context.Input.UserId).Set("@chat", context.Input.ChatId)
            .Set("@update", context.Input.UpdateId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        context.ForgetsChat = true;
        var (channel, chat) = (context.Input.Channel, context.Input.ChatId);
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(channel, chat, cancellationToken);
        }
    }
}
