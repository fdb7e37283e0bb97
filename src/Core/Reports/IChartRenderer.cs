namespace Antq.Core.Reports;

/// <summary>Draws a chart as a PNG. The host implements it (the drawing library stays out of the core).</summary>
public interface IChartRenderer
{
    byte[] RenderPng(SummaryChart chart);
}
