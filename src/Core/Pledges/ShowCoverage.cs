using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>/coverage: the campaign's coverage of the officer's ward (all wards for admins), then the same numbers as CSV.</summary>
public sealed record ShowCoverage : DomainChange
{
    /// <summary>Telegram takes 4,096 characters a message; the CSV goes in parts below that.</summary>
    public const int MaxPart = 3500;

    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Channel == context.Input.Channel && o.ExternalUserId == context.Input.UserId, cancellationToken);
        if (officer is null)
        {
            return;
        }

        var texts = context.Get<TextCatalog>();
        var areas = context.Get<AreaTree>();
        var catalog = context.Get<PledgeCatalog>();
        var ward = officer.Role == OfficerRole.Admin ? null : areas.FindWard(officer.WardId ?? "");
        if (officer.Role != OfficerRole.Admin && ward is null)
        {
            return;
        }

        var report = await PledgeCoverage.BuildAsync(context.Db, areas, catalog, catalog.Campaign.Year, ward, cancellationToken);
        var language = TipCard.Language;
        var messages = new List<OutgoingMessage> { new() { Text = CoverageText.Render(report, texts, language, areas.CityName) } };
        var csv = CoverageCsv.Render(report).Replace("\r\n", "\n", StringComparison.Ordinal);
        var parts = Parts(csv).ToList();
        messages.AddRange(parts.Select((part, i) => new OutgoingMessage { Text = texts.Get(language, "coverage.csv", i + 1, parts.Count) + "\n" + part }));
        context.Reply([.. messages]);
    }

    private static IEnumerable<string> Parts(string csv)
    {
        var part = new System.Text.StringBuilder();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length + line.Length + 1 > MaxPart)
            {
                yield return part.ToString();
                part.Clear();
            }

            part.Append(line).Append('\n');
        }

        if (part.Length > 0)
        {
            yield return part.ToString();
        }
    }
}
