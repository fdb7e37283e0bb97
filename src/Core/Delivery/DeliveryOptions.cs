namespace Antq.Core.Delivery;

public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Most rows leased at once; kept near a second's worth of sending so replies never wait long behind a batch.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Chats sent to at the same time.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>
    /// Most messages for one chat the dispatcher holds at once (leased or handed over); the rest wait queued, so a chat
    /// sent a flood of answers never holds up the others' messages.
    /// </summary>
    public int MaxInHandPerChat { get; set; } = 5;

    /// <summary>After this, a row leased by a process that died goes back to the queue.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a message that keeps failing (network, server errors) is given up.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the queue is looked at when nothing wakes the dispatcher.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Days outgoing messages that are done and handled updates are kept (<see cref="MessageRetention"/>).</summary>
    public int KeepDays { get; set; } = 30;

    /// <summary>How often what is past <see cref="KeepDays"/> is deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Local time window in which non-urgent broadcasts wait ("HH:mm-HH:mm" or "off").</summary>
    public string QuietHours { get; set; } = "21:30-06:30";
}
