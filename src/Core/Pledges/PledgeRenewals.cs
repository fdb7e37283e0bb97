using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>
/// When a campaign year is open, last year's signers who have not signed again get one invitation to renew
/// (run by the Quartz clock job; two set-based statements, once per resident and year).
/// </summary>
public sealed class PledgeRenewals(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, PledgeCatalog catalog, TextCatalog texts, DeliverySignal delivery, TimeProvider time)
{
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var campaign = catalog.Campaign;
        if (!campaign.IsOpen(now))
        {
            return 0;
        }

        var invitation = new OutgoingMessage
        {
            Text = texts.Get("vi", "pledge.renewal_invitation", campaign.Year, campaign.Year - 1, campaign.Closes.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
            Buttons = [[new Button(texts.Get("vi", "pledge.renew_button"), MainMenu.Prefix + "pledge")]],
        };
        const string Who = """
            FROM "residents" AS r
            WHERE r."Status" = {0} AND r."ConsentedAt" IS NOT NULL
              AND EXISTS (SELECT 1 FROM "pledges" AS p WHERE p."ResidentId" = r."Id" AND p."CampaignYear" = {1} AND p."WithdrawnAt" IS NULL)
              AND NOT EXISTS (SELECT 1 FROM "pledges" AS p WHERE p."ResidentId" = r."Id" AND p."CampaignYear" = {2})
              AND NOT EXISTS (SELECT 1 FROM "pledge_renewal_invitations" AS i WHERE i."ResidentId" = r."Id" AND i."CampaignYear" = {2})
            """;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var payload = JsonSerializer.Serialize(invitation, OutboxWriter.Json);
            var sent = await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "outbox" ("Channel", "ChatId", "Priority", "Payload", "Status", "Attempts", "CreatedAt", "NotBefore") SELECT r."Channel", r."ChatId", {3}, {4}, {5}, 0, {6}, {6} """ + Who,
                [(int)ResidentStatus.Active, campaign.Year - 1, campaign.Year, (int)DeliveryPriority.Reminder, payload, (int)DeliveryStatus.Queued, now],
                cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "pledge_renewal_invitations" ("ResidentId", "CampaignYear", "SentAt") SELECT r."Id", {2}, {3} """ + Who,
                [(int)ResidentStatus.Active, campaign.Year - 1, campaign.Year, now],
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (sent > 0)
            {
                delivery.Notify();
            }

            return sent;
        }
    }
}
