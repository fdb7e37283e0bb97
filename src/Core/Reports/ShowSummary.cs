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
public sealed record ShowSummary(int FirstYear, int LastYear, string? Area) : ReadOnlyChange
{
    public override async Task<DomainChange> PrepareAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return new PreparedReply([]);
        }

        var texts = context.Get<TextCatalog>();
        var areas = context.Get<AreaTree>();
        var language = TipCard.Language;
        var own = officer.Role == OfficerRole.Admin ? ReportArea.City : areas.FindWard(officer.WardId ?? "") is { } ward ? new ReportArea(ward, null) : null;
        if (own is null)
        {
            return new PreparedReply([]);
        }

        var area = Area is null ? own : ReportArea.Find(areas, Area);
        if (area is null)
        {
            return Say(texts.Get(language, "report.unknown_area", Area));
        }

        if (officer.Role != OfficerRole.Admin && area.WardId != own.WardId)
        {
            return Say(texts.Get(language, "report.not_your_area", CoverageText.WardLabel(texts, language, own.Ward!)));
        }

        var options = context.Get<IOptions<ReportOptions>>().Value;
        var report = await new SummaryBuilder(context.Db, areas, options.FestivalTitleWords)
            .BuildAsync(ReportPeriod.YearsBetween(FirstYear, LastYear), area, context.Now, cancellationToken);
        var text = new SummaryText(texts, context.Get<TipCatalog>(), context.Get<PledgeCatalog>(), language);
        return new PreparedReply([.. new SummaryAttachments(texts, text, context.Services.GetService<IChartRenderer>(), language).Messages(report)]);
    }

    private static PreparedReply Say(string text) => new([new OutgoingMessage { Text = text }]);
}
