using Antq.Core.Reports;

namespace Antq.Bot.Reports;

public static class ReportsRegistration
{
    /// <summary>The summary report's options and its chart drawing; the monthly job is scheduled with the others.</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ReportOptions.Section);
        builder.Services.AddOptions<ReportOptions>().Bind(section);
        var at = (section.Get<ReportOptions>() ?? new()).MonthlyAt;
        if (at < TimeSpan.Zero || at >= TimeSpan.FromDays(1))
        {
            throw new Hosting.ConfigurationProblemException($"Reports:MonthlyAt must be a time of day such as 07:00 (got {at}).");
        }

        builder.Services.AddSingleton<IChartRenderer, ScottPlotCharts>();
        return builder;
    }
}
