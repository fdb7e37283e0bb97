namespace Antq.Core.Broadcasts;

public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>A broadcast whose time passed while the service was down still goes out within this; later it is missed.</summary>
    public TimeSpan MissedGrace { get; set; } = TimeSpan.FromHours(2);

    public int MaxTextLength { get; set; } = 3500;

    /// <summary>The officer's progress message is edited at most this often while a broadcast sends.</summary>
    public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromSeconds(5);
}
