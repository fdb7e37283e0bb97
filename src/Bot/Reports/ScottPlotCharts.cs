using Antq.Core.Reports;
using ScottPlot;
using SkiaSharp;

namespace Antq.Bot.Reports;

/// <summary>
/// Draws the summary chart with ScottPlot: a header, then one bar panel per measure (a bar a year, or a ward), big enough to read on a phone.
/// The font ships with the service (DejaVu Sans has every Vietnamese letter), so no system font is needed.
/// </summary>
public sealed class ScottPlotCharts : IChartRenderer
{
    public const string FontName = "DejaVu Sans (Antq)";

    private static readonly Lock FontLock = new();
    private static readonly string FontPath = Path.Combine(AppContext.BaseDirectory, "Reports", "Fonts", "DejaVuSans.ttf");
    private static bool _fontAdded;

    public byte[] RenderPng(SummaryChart chart)
    {
        EnsureFont();
        using var surface = SKSurface.Create(new SKImageInfo(SummaryChart.Width, chart.Height)) ?? throw new InvalidOperationException("Skia could not make a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var typeface = SKTypeface.FromFile(FontPath))
        using (var font = new SKFont(typeface, 40))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        {
            // A long title (a unit's full name, the wards' comparison) is made smaller until it fits the width.
            while (font.Size > 20 && font.MeasureText(chart.Title) > SummaryChart.Width - 40)
            {
                font.Size -= 2;
            }

            canvas.DrawText(chart.Title, SummaryChart.Width / 2f, 60, SKTextAlign.Center, font, paint);
        }

        var colors = new[] { new Color(0xC6, 0x28, 0x28), new Color(0x15, 0x65, 0xC0), new Color(0x2E, 0x7D, 0x32) };
        for (var i = 0; i < chart.Panels.Count; i++)
        {
            var top = SummaryChart.HeaderHeight + (i * SummaryChart.PanelHeight);
            // Each panel on its own surface: a plot paints its whole canvas.
            using var panel = SKSurface.Create(new SKImageInfo(SummaryChart.Width, SummaryChart.PanelHeight)) ?? throw new InvalidOperationException("Skia could not make a drawing surface.");
            Panel(chart, chart.Panels[i], colors[i % colors.Length]).Render(panel);
            using var drawn = panel.Snapshot();
            canvas.DrawImage(drawn, 0, top);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static Plot Panel(SummaryChart chart, ChartPanel panel, Color color)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        var bars = panel.Values.Select((v, x) => new Bar
        {
            Position = x,
            Value = v,
            FillColor = color,
            Label = v.ToString("N0", vi),
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 22;
        plotted.ValueLabelStyle.FontName = FontName;
        plot.Title(panel.Title, 30);
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Bottom.SetTicks([.. chart.Labels.Select((_, x) => (double)x)], [.. chart.Labels]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = chart.Labels.Count > 6 ? 20 : 26;
        if (chart.Labels.Count > 4 && chart.Labels.Any(l => l.Length > 6))
        {
            // Ward names side by side would overlap: slanted, they fit under their bars.
            plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 150;
        }

        plot.Axes.Left.TickLabelStyle.FontSize = 20;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => value.ToString("N0", vi),
            IntegerTicksOnly = true,
        };
        if (panel.Values.All(v => v == 0))
        {
            plot.Axes.SetLimitsY(0, 1);
        }

        return plot;
    }

    private static void EnsureFont()
    {
        lock (FontLock)
        {
            if (!_fontAdded)
            {
                Fonts.AddFontFile(FontName, FontPath);
                _fontAdded = true;
            }
        }
    }
}
