using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.Extensions.Options;

namespace Antq.Core.Reports;

/// <summary>Works out <see cref="ShowSummary"/> before the writer's transaction (a report over years is a long read).</summary>
/// <remarks>The chart renderer is optional: without one (a host without it) the summary goes as text and workbook.</remarks>
public sealed class ShowSummaryHandler(
    TextCatalog texts,
    AreaTree areas,
    TipCatalog tips,
    PledgeCatalog pledges,
    IOptions<ReportOptions> options,
    IChartRenderer? charts = null) : IReadOnlyChangeHandler<ShowSummary>
{
    public async Task<IReadOnlyList<OutgoingMessage>> ReadAsync(ShowSummary change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return [];
        }

        var language = Languages.Officers;
        var own = ReportScope.Own(officer, areas);
        if (own is null)
        {
            return [];
        }

        var area = change.Area is null ? own : ReportArea.Find(areas, change.Area);
        if (area is null)
        {
            return Say(texts.Get(language, "report.unknown_area", change.Area));
        }

        if (!ReportScope.Allows(officer, own, area))
        {
            return Say(texts.Get(language, "report.not_your_area", CoverageText.WardLabel(texts, language, own.Ward!)));
        }

        var report = await new SummaryBuilder(context.Db, areas, options.Value.FestivalTitleWords)
            .BuildAsync(ReportPeriod.YearsBetween(change.FirstYear, change.LastYear), area, context.Now, cancellationToken);
        var text = new SummaryText(texts, tips, pledges, language);
        var attachments = new SummaryAttachments(texts, text, new SummarySheets(texts, text, tips, pledges, language), charts, language);
        return change.File is { } file && !report.IsEmpty
            ? [attachments.File(report, file, context.Now)]
            : [.. attachments.Messages(report, context.Now)];
    }

    private static OutgoingMessage[] Say(string text) => [new OutgoingMessage { Text = text }];
}
