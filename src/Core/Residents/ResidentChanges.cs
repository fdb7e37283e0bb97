using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Residents;

/// <summary>The resident consents (or already had) and keeps these choices.</summary>
public sealed record SaveResidentProfile(string Language, string? WardId, string? UnitId, Topics Topics) : DomainChange
{
    /// <remarks>
    /// One statement (insert, or update the stored resident), not a read and an EF save: this ends every onboarding,
    /// inside the single writer's turn. The tally triggers see it as the insert or update it is.
    /// </remarks>
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var command = context.Statement(
                """
                INSERT INTO "residents" ("Channel", "ExternalUserId", "ChatId", "Language", "WardId", "UnitId", "Topics", "ConsentedAt", "ConsentRefusedAt", "Status", "CreatedAt", "UpdatedAt")
                VALUES (@channel, @user, @chat, @language, @ward, @unit, @topics, @now, NULL, @active, @now, @now)
                ON CONFLICT ("Channel", "ExternalUserId") DO UPDATE SET "ChatId" = excluded."ChatId", "Language" = excluded."Language",
                "WardId" = excluded."WardId", "UnitId" = excluded."UnitId", "Topics" = excluded."Topics", "ConsentedAt" = COALESCE("residents"."ConsentedAt", excluded."ConsentedAt"),
                "ConsentRefusedAt" = NULL, "Status" = excluded."Status", "UpdatedAt" = excluded."UpdatedAt"
                """)
            .Set("@channel", context.Input.Channel).Set("@user", context.Input.UserId).Set("@chat", context.Input.ChatId)
            .Set("@language", Language).Set("@ward", WardId).Set("@unit", UnitId).Set("@topics", (int)Topics)
            .Set("@now", context.Now).Set("@active", (int)ResidentStatus.Active);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The resident said no to the privacy notice: the refusal (and the language to speak) is all that is kept.</summary>
public sealed record RecordConsentRefusal(string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await ResidentLookup.FindOrCreateAsync(context, Language, cancellationToken);
        resident.Language = Language;
        resident.WardId = null;
        resident.UnitId = null;
        resident.Topics = Topics.None;
        resident.ConsentedAt = null;
        resident.ConsentRefusedAt = context.Now;
        resident.UpdatedAt = context.Now;
    }
}

/// <summary>Only the language changes (settings), for a resident who exists.</summary>
public sealed record ChangeResidentLanguage(string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        if (resident is not null)
        {
            resident.Language = Language;
            resident.UpdatedAt = context.Now;
        }
    }
}

/// <summary>The resident blocked or unblocked the bot (or left the channel).</summary>
public sealed record ChangeResidentStatus(ResidentStatus Status) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        if (resident is not null)
        {
            resident.Status = Status;
            resident.UpdatedAt = context.Now;
        }

        if (Status != ResidentStatus.Active)
        {
            await context.Db.Outbox
                .Where(o => o.Channel == context.Input.Channel && o.ChatId == context.Input.ChatId && o.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, DeliveryStatus.Blocked), cancellationToken);
        }
    }
}

/// <summary>
/// The resident's right to erasure: the resident row, the conversation, what the bot said to them, the record of what
/// they sent and their event answers go. The erasing update keeps its row for handling it once (channel and update id),
/// without the chat. The answer confirming it is queued after this change and removed once delivered
/// (<see cref="OutgoingMessage.ForgetsChat"/>), so then nothing names the chat.
/// </summary>
public sealed record EraseResident : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
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
        foreach (var eraser in (IEnumerable<IResidentDataEraser>?)context.Services.GetService(typeof(IEnumerable<IResidentDataEraser>)) ?? [])
        {
            await eraser.EraseAsync(channel, chat, cancellationToken);
        }
    }
}
