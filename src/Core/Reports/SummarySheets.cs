using System.Globalization;
using Antq.Core.Broadcasts;
using Antq.Core.Locale;
using Antq.Core.Pledges;
using Antq.Core.Texts;
using Antq.Core.Tips;

namespace Antq.Core.Reports;

/// <summary>
/// The summary as sheets for people (the CSV is for machines): one sheet a section, a row a year and one for the
/// whole period, headers in the reader's language. Years with nothing in a sheet and items (topics, categories,
/// pledge types, signer kinds) that are zero throughout are left out, and the notes sheet says so.
/// </summary>
public sealed class SummarySheets(TextCatalog texts, SummaryText text, TipCatalog categories, PledgeCatalog pledges, string language)
{
    public IReadOnlyList<SheetTable> Tables(SummaryReport report, DateTime nowUtc)
    {
        var tables = new List<SheetTable>
        {
            Periods(report, T("report.sheet_summary"), dates: true,
            [
                new(T("report.col_broadcasts"), f => f.Broadcasts),
                new(T("report.col_reached"), f => f.Reached),
                new(T("report.col_events"), f => f.EventsHeld),
                new(T("report.col_festival"), f => f.FestivalWards),
                new(T("report.col_tips"), f => f.Tips),
                new(T("report.col_verified"), f => f.TipsVerified),
                new(T("report.col_pledges"), f => f.Pledges),
                new(T("report.col_units_covered"), f => f.UnitsCovered),
                new(T("report.col_new_subscribers"), f => f.NewSubscribers),
            ]),
            Periods(report, T("report.sheet_awareness"), dates: false,
            [
                new(T("report.col_broadcasts"), f => f.Broadcasts),
                .. BroadcastTopics.All.Select(t => new Measure(T("broadcast.topic_" + t.Code), f => f.BroadcastsByTopic.GetValueOrDefault(t.Topic), Optional: true)),
                new(T("report.col_reached"), f => f.Reached),
                new(T("report.col_events"), f => f.EventsHeld),
                new(T("report.col_rsvps"), f => f.Rsvps),
                new(T("report.col_festival"), f => f.FestivalWards),
            ]),
            Periods(report, T("report.sheet_tips"), dates: false,
            [
                new(T("report.col_tips"), f => f.Tips),
                .. categories.Categories.Select(c => new Measure(c.Name(language), f => f.TipsByCategory.GetValueOrDefault(c.Id), Optional: true)),
                .. report.Total.TipsByCategory.Keys.Where(id => categories.Find(id) is null).Order(StringComparer.Ordinal)
                    .Select(id => new Measure(id, f => f.TipsByCategory.GetValueOrDefault(id), Optional: true)),
                new(T("report.col_verified"), f => f.TipsVerified),
                new(T("report.col_answered"), f => f.TipsAnswered),
                new(T("report.col_median"), f => f.MedianFirstResponse is { } m ? Math.Round(m.TotalHours, 1) : null, SheetColumn.Decimal),
            ]),
            Periods(report, T("report.sheet_pledges"), dates: false,
            [
                new(T("report.col_pledges"), f => f.Pledges),
                new(T("report.col_chat"), f => f.ChatPledges),
                new(T("report.col_paper"), f => f.PaperPledges),
                .. pledges.Types.Select(t => new Measure(t.Name(language), f => f.PledgesByType.GetValueOrDefault(t.Id), Optional: true)),
                .. Enum.GetValues<SignerKind>().Select(k => new Measure(T("report.col_signers_" + k.ToString().ToLowerInvariant()), f => f.SignersOf(k), Optional: true)),
                new(T("report.col_units_covered"), f => f.UnitsCovered),
                new(T("report.col_units_all"), _ => report.UnitCount, Figure: false),
                new(T("report.col_units_share"), f => report.UnitCount == 0 ? null : Math.Round((double)f.UnitsCovered / report.UnitCount, 3), SheetColumn.Percent),
            ]),
        };
        if (report.Wards.Count > 0)
        {
            tables.Add(Wards(report));
        }

        tables.Add(Notes(report, nowUtc));
        return tables;
    }

    /// <summary>"2016–2019, 2021": years written as runs.</summary>
    public static string Runs(IEnumerable<int> years)
    {
        var runs = new List<string>();
        foreach (var year in years.Order())
        {
            if (runs.Count > 0 && runs[^1].Split('–')[^1] == (year - 1).ToString(CultureInfo.InvariantCulture))
            {
                runs[^1] = runs[^1].Split('–')[0] + "–" + year.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                runs.Add(year.ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(", ", runs);
    }

    private SheetTable Periods(SummaryReport report, string name, bool dates, IReadOnlyList<Measure> measures)
    {
        List<PeriodFigures> periods = report.Period.SpansYears ? [.. report.Years, report.Total] : [.. report.Years];
        var kept = measures.Where(m => !m.Optional || periods.Any(p => m.Value(p) is not (null or 0.0))).ToList();
        var columns = new List<SheetColumn> { new(T("report.col_period"), SheetColumn.Text, 22) };
        if (dates)
        {
            columns.Add(new SheetColumn(T("report.col_from"), SheetColumn.Date, 12));
            columns.Add(new SheetColumn(T("report.col_to"), SheetColumn.Date, 12));
        }

        columns.AddRange(kept.Select(m => new SheetColumn(m.Header, m.Format, Width(m.Header))));
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var p in periods)
        {
            var whole = p == report.Total && report.Period.SpansYears;
            var values = kept.Select(m => m.Value(p)).ToList();
            if (!whole && periods.Count > 1 && kept.Where(m => m.Figure).All(m => m.Value(p) is null or 0.0))
            {
                continue;
            }

            var row = new List<object?> { Label(report, p, whole) };
            if (dates)
            {
                row.Add(p.Period.From.ToDateTime(TimeOnly.MinValue));
                row.Add(p.Period.To.ToDateTime(TimeOnly.MinValue));
            }

            for (var i = 0; i < kept.Count; i++)
            {
                // Counts go in as whole numbers, so that Excel sums them as such.
                row.Add(kept[i].Format == SheetColumn.Count && values[i] is { } d ? (int)d : values[i]);
            }

            rows.Add(row);
        }

        return new SheetTable(name, columns, rows);
    }

    private SheetTable Wards(SummaryReport report)
    {
        var columns = new List<SheetColumn>
        {
            new(T("report.col_ward"), SheetColumn.Text, 24),
            new(T("report.col_pledges"), SheetColumn.Count, Width(T("report.col_pledges"))),
            new(T("report.col_tips"), SheetColumn.Count, Width(T("report.col_tips"))),
            new(T("report.col_reached"), SheetColumn.Count, Width(T("report.col_reached"))),
            new(T("report.col_events"), SheetColumn.Count, Width(T("report.col_events"))),
            new(T("report.col_active"), SheetColumn.Count, Width(T("report.col_active"))),
        };
        IReadOnlyList<IReadOnlyList<object?>> rows = [.. report.Wards.Where(w => !w.IsEmpty)
            .Select(w => new object?[] { CoverageText.WardLabel(texts, language, w.Ward), w.Pledges, w.Tips, w.Reached, w.EventsHeld, w.ActiveSubscribers })];
        return new SheetTable(T("report.sheet_wards"), columns, rows);
    }

    private SheetTable Notes(SummaryReport report, DateTime nowUtc)
    {
        var notes = new List<IReadOnlyList<object?>>
        {
            new object?[] { T("report.note_report"), T("report.note_report_text") },
            new object?[] { T("report.note_area"), text.AreaLabel(report) },
            new object?[] { T("report.col_from"), Day(report.Period.From) },
            new object?[] { T("report.col_to"), Day(report.Period.To) },
            new object?[] { T("report.note_generated"), LocalTime.ToLocal(nowUtc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) },
            new object?[] { T("report.col_active"), report.ActiveSubscribers },
            new object?[] { T("report.note_zeros"), T("report.note_zeros_text") },
        };
        if (report.EmptyYears.Count > 0 && report.Period.SpansYears)
        {
            notes.Add([T("report.note_left_out"), Runs(report.EmptyYears)]);
        }

        if (report.Wards.Count(w => w.IsEmpty) is > 0 and var none)
        {
            notes.Add([T("report.note_wards_left_out"), string.Join(", ", report.Wards.Where(w => w.IsEmpty).Select(w => w.Ward.Name)) + $" ({none})"]);
        }

        return new SheetTable(T("report.sheet_notes"), [new(T("report.col_item"), SheetColumn.Text, 34), new(T("report.col_value"), SheetColumn.Text, 90)], notes);
    }

    private string Label(SummaryReport report, PeriodFigures p, bool whole) => whole
        ? T("report.whole_period", report.Period.From.Year, report.Period.To.Year)
        : p.Period.IsWholeYear ? T("report.year", p.Period.From.Year) : $"{Day(p.Period.From)}–{Day(p.Period.To)}";

    private static double Width(string header) => Math.Clamp(header.Length + 2, 10, 30);

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private string T(string key, params object?[] args) => texts.Get(language, key, args);

    /// <summary>A column of figures; an optional one (an item of a breakdown) is left out when zero throughout.</summary>
    private sealed record Measure(string Header, Func<PeriodFigures, double?> Value, string Format = SheetColumn.Count, bool Optional = false, bool Figure = true);
}
