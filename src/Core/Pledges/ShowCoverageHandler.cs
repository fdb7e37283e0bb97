using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;

namespace Antq.Core.Pledges;

/// <summary>Works out <see cref="ShowCoverage"/> before the writer's transaction (it counts a whole campaign).</summary>
public sealed class ShowCoverageHandler(TextCatalog texts, AreaTree areas, PledgeCatalog catalog) : IReadOnlyChangeHandler<ShowCoverage>
{
    public async Task<IReadOnlyList<OutgoingMessage>> ReadAsync(ShowCoverage change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return [];
        }

        var ward = officer.Role == OfficerRole.Admin ? null : areas.FindWard(officer.WardId ?? "");
        if (officer.Role != OfficerRole.Admin && ward is null)
        {
            return [];
        }

        var report = await PledgeCoverage.BuildAsync(context.Db, areas, catalog, catalog.Campaign.Year, ward, cancellationToken);
        var language = Languages.Officers;
        return
        [
            new OutgoingMessage { Text = CoverageText.Render(report, texts, language, areas.CityName) },
            new OutgoingMessage
            {
                Text = texts.Get(language, "coverage.csv"),
                Media = new MediaRef(AttachmentKind.Document, "", CoverageCsv.FileName(catalog.Campaign.Year, ward?.Id), CoverageCsv.Bytes(report)),
            },
        ];
    }
}
