using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antq.Core.Reports;

/// <summary>/report: the summary of the officer's ward (any area for admins) for whole years, then the CSV and the chart.</summary>
public sealed record ShowSummary(int FirstYear, int LastYear, string? Area) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return;
        }

        var texts = context.Get<TextCatalog>();
        var areas = context.Get<AreaTree>();
        var language = TipCard.Language;
        var own = officer.Role == OfficerRole.Admin ? ReportArea.City : areas.FindWard(officer.WardId ?? "") is { } ward ? new ReportArea(ward, null) : null;
        if (own is null)
        {
            return;
        }

        var area = Area is null ? own : ReportArea.Find(areas, Area);
        if (area is null)
        {
            context.Reply(texts.Get(language, "report.unknown_area", Area));
            return;
        }

        if (officer.Role != OfficerRole.Admin && area.WardId != own.WardId)
        {
            context.Reply(texts.Get(language, "report.not_your_area", CoverageText.WardLabel(texts, language, own.Ward!)));
            return;
        }

        var options = context.Get<IOptions<ReportOptions>>().Value;
        var report = await new SummaryBuilder(context.Db, areas, options.FestivalTitleWords)
            .BuildAsync(ReportPeriod.YearsBetween(FirstYear, LastYear), area, context.Now, cancellationToken);
        var text = new SummaryText(texts, context.Get<TipCatalog>(), context.Get<PledgeCatalog>(), language);
        context.Reply([.. new SummaryAttachments(texts, text, context.Services.GetService<IChartRenderer>(), language).Messages(report)]);
    }
}
