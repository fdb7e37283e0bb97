using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>/coverage: the campaign's coverage of the officer's ward (all wards for admins), then the same numbers as a CSV file.</summary>
public sealed record ShowCoverage : ReadOnlyChange
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
        var catalog = context.Get<PledgeCatalog>();
        var ward = officer.Role == OfficerRole.Admin ? null : areas.FindWard(officer.WardId ?? "");
        if (officer.Role != OfficerRole.Admin && ward is null)
        {
            return new PreparedReply([]);
        }

        var report = await PledgeCoverage.BuildAsync(context.Db, areas, catalog, catalog.Campaign.Year, ward, cancellationToken);
        var language = TipCard.Language;
        var messages = new List<OutgoingMessage> { new() { Text = CoverageText.Render(report, texts, language, areas.CityName) } };
        var csv = CoverageCsv.Render(report);

        // A byte-order mark so that Excel opens the Vietnamese names as UTF-8.
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray();
        var name = $"bao-phu-cam-ket-{catalog.Campaign.Year}-{ward?.Id ?? "toan-thanh-pho"}.csv";
        messages.Add(new OutgoingMessage
        {
            Text = texts.Get(language, "coverage.csv"),
            Media = new MediaRef(AttachmentKind.Document, "", name, bytes),
        });
        return new PreparedReply(messages);
    }
}
