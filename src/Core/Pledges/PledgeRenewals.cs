using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>
/// When a campaign year is open, last year's signers who have not signed again get one invitation to renew
/// (run by the Quartz clock job, once per resident and year).
/// </summary>
/// <remarks>
/// Who is due is read outside the single writer's turn: the search covers every consenting resident (~150 ms for a
/// city of 175,000) and runs at every tick of the clock, while nearly every tick finds no one. Those found are
/// invited in chunks, each in a short turn of the writer that checks them again, so the day the campaign opens
/// chats do not wait behind tens of thousands of invitations.
/// </remarks>
public sealed class PledgeRenewals(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, PledgeCatalog catalog, TextCatalog texts, DeliverySignal delivery, TimeProvider time)
{
    private const int Chunk = 500;

    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var campaign = catalog.Campaign;
        if (!campaign.IsOpen(now))
        {
            return 0;
        }

        const string Whom = """
            FROM "residents" AS r
            WHERE r."Status" = @active AND r."ConsentedAt" IS NOT NULL
              AND EXISTS (SELECT 1 FROM "pledges" AS p WHERE p."ResidentId" = r."Id" AND p."CampaignYear" = @lastYear AND p."WithdrawnAt" IS NULL)
              AND NOT EXISTS (SELECT 1 FROM "pledges" AS p WHERE p."ResidentId" = r."Id" AND p."CampaignYear" = @year)
              AND NOT EXISTS (SELECT 1 FROM "pledge_renewal_invitations" AS i WHERE i."ResidentId" = r."Id" AND i."CampaignYear" = @year)
            """;
        SqlParameters Who() => new() { ["@active"] = (int)ResidentStatus.Active, ["@lastYear"] = campaign.Year - 1, ["@year"] = campaign.Year };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Database.Query<long>("""SELECT r."Id" AS "Value" """ + Whom, Who()).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var invitation = new OutgoingMessage
        {
            Text = texts.Get(Languages.Default, "pledge.renewal_invitation", campaign.Year, campaign.Year - 1, campaign.Closes.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
            Buttons = [[new Button(texts.Get(Languages.Default, "pledge.renew_button"), new MenuButton("pledge").Data)]],
        };
        var sent = 0;
        foreach (var chunk in due.Chunk(Chunk))
        {
            // The chunk's ids bound as parameters @id0, @id1, … after the others.
            string Among(SqlParameters parameters) => $""" AND r."Id" IN ({parameters.List("id", chunk)})""";
            using (await writeGate.EnterAsync(cancellationToken))
            {
                // Checked again in the turn: one may have signed, or been invited, since the search.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

                // Only parameter names are put together here; every value goes as a parameter.
                var scope = WriteScope.Of(db);
                var outbox = Who();
                var queued = await OutboxWriter.WriteForAsync(scope, Whom + Among(outbox), outbox, invitation, DeliveryPriority.Reminder, now, now, cancellationToken);
                var invitations = Who();
                invitations["@now"] = now;
                await db.Database.ExecuteAsync(
                    """INSERT INTO "pledge_renewal_invitations" ("ResidentId", "CampaignYear", "SentAt") SELECT r."Id", @year, @now """ + Whom + Among(invitations),
                    invitations,
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                sent += queued;
            }

            if (sent > 0)
            {
                delivery.Notify();
            }
        }

        return sent;
    }
}
