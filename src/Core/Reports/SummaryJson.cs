using System.Text.Json;
using System.Text.Json.Serialization;
using Antq.Core.Broadcasts;
using Antq.Core.Pledges;

namespace Antq.Core.Reports;

/// <summary>The summary as JSON for other programs: the same numbers, keys in camelCase, topics and kinds by their codes.</summary>
public static class SummaryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Render(SummaryReport report) => JsonSerializer.Serialize(
        new
        {
            from = report.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            to = report.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            area = new { id = report.Area.UnitId ?? report.Area.WardId ?? "city", name = report.AreaName, wards = report.WardCount, units = report.UnitCount },
            years = report.Years.Select(y => Figures(y, report.Period.SpansYears || y.Period.IsWholeYear ? y.Period.From.Year : null)),
            total = Figures(report.Total, null),
            subscribers = new { active = report.ActiveSubscribers, byWard = report.Subscribers.ToDictionary(s => s.Ward.Id, s => s.Active) },
        },
        Options);

    private static object Figures(PeriodFigures f, int? year) => new
    {
        year,
        from = f.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = f.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        awareness = new
        {
            broadcasts = f.Broadcasts,
            byTopic = BroadcastTopics.All.ToDictionary(t => t.Code, t => f.BroadcastsByTopic.GetValueOrDefault(t.Topic)),
            reached = f.Reached,
            eventsHeld = f.EventsHeld,
            rsvps = f.Rsvps,
        },
        festival = new { wardsHeld = f.FestivalWards },
        tips = new
        {
            received = f.Tips,
            byCategory = f.TipsByCategory,
            verified = f.TipsVerified,
            answered = f.TipsAnswered,
            medianFirstResponseMinutes = f.MedianFirstResponse is { } m ? Math.Round(m.TotalMinutes, 1) : (double?)null,
        },
        pledges = new
        {
            pledges = f.Pledges,
            signers = Enum.GetValues<SignerKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), f.SignersOf),
            byType = f.PledgesByType,
            fromChat = f.ChatPledges,
            fromPaper = f.PaperPledges,
            unitsCovered = f.UnitsCovered,
        },
        subscribers = new { @new = f.NewSubscribers },
    };
}
