namespace Antq.Core.Reports;

/// <summary>What the chart shows: a title and panels of one number per year (or per ward), labelled in the reader's language.</summary>
public sealed record SummaryChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartPanel> Panels)
{
    public const int Width = 1080;
    public const int HeaderHeight = 90;
    public const int PanelHeight = 520;

    public int Height => HeaderHeight + (PanelHeight * Panels.Count);
}

/// <summary>One panel: a bar per year (or ward), its value written on it.</summary>
public sealed record ChartPanel(string Title, IReadOnlyList<int> Values);
