using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Reports;

/// <summary>Last month's city-wide summary, with its workbook and charts, queued to every admin (run monthly by a job).</summary>
/// <param name="charts">Draws the charts; none (a host without the renderer) sends the summary without them.</param>
public sealed class MonthlySummary(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    DeliverySignal delivery,
    TimeProvider time,
    TextCatalog texts,
    AreaTree areas,
    TipCatalog categories,
    PledgeCatalog pledges,
    IOptions<ReportOptions> options,
    IChartRenderer? charts = null)
{
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var period = ReportPeriod.LastMonth(now);
        const string language = Languages.Officers;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await new SummaryBuilder(db, areas, options.Value.FestivalTitleWords).BuildAsync(period, ReportArea.City, now, cancellationToken);
        var text = new SummaryText(texts, categories, pledges, language);
        var sheets = new SummarySheets(texts, text, categories, pledges, language);
        var messages = new SummaryAttachments(texts, text, sheets, charts, language)
            .Messages(report, now, texts.Get(language, "report.monthly", period.From.ToString("MM/yyyy", CultureInfo.InvariantCulture)));

        using (await writeGate.EnterAsync(cancellationToken))
        {
            var admins = await db.Officers.AsNoTracking().Where(o => o.Role == OfficerRole.Admin).ToListAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var scope = WriteScope.Of(db);
            await OutboxWriter.WriteAsync(scope, [.. admins.SelectMany(a => messages.Select(m => new OutboxSend(a.Channel, a.ChatId, m, DeliveryPriority.Reminder, OutboxKind.Notice)))], now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (scope.Queued > 0)
            {
                delivery.Notify();
            }

            return admins.Count;
        }
    }
}
