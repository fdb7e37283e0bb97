using Antq.Core.Conversations;
using Antq.Core.Storage;

namespace Antq.Core.Residents;

/// <summary>Applies <see cref="SaveResidentProfile"/> in the engine's transaction.</summary>
/// <remarks>
/// One statement (insert, or update the stored resident), not a read and an EF save: this ends every onboarding,
/// inside the single writer's turn. The tally triggers see it as the insert or update it is.
/// </remarks>
public sealed class SaveResidentProfileHandler : IChangeHandler<SaveResidentProfile>
{
    public async Task ApplyAsync(SaveResidentProfile change, ChangeContext context, CancellationToken cancellationToken)
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
            .Set("@language", change.Language).Set("@ward", change.WardId).Set("@unit", change.UnitId).Set("@topics", (int)change.Topics)
            .Set("@now", context.Now).Set("@active", (int)ResidentStatus.Active);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
