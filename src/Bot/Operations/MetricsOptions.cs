namespace Antq.Bot.Operations;

/// <summary>Who may read <c>/metrics</c>: it tells how busy the service is and how many people it reaches.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> at all.</summary>
    public bool Enabled { get; set; } = true;
}
