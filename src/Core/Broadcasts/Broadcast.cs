namespace Antq.Core.Broadcasts;

/// <summary>A message an officer sends to the followers of a ward (or the city), now or at a set time.</summary>
public sealed class Broadcast
{
    public long Id { get; set; }

    public long OfficerId { get; set; }

    public required string Text { get; set; }

    public string? PhotoFileId { get; set; }

    /// <summary>The channel whose file id <see cref="PhotoFileId"/> is (the officer's): residents on other channels get the photo's bytes.</summary>
    public string? PhotoChannel { get; set; }

    public BroadcastTopic Topic { get; set; }

    /// <summary>Ward ids separated by commas; null for the whole city.</summary>
    public string? WardIds { get; set; }

    /// <summary>Unit ids (of its one ward) separated by commas; null for the whole ward(s).</summary>
    public string? UnitIds { get; set; }

    /// <summary>"vi" or "en" to reach only residents using that language; null for everyone.</summary>
    public string? Language { get; set; }

    public DateTime ScheduledFor { get; set; }

    /// <summary>For a repeating broadcast: how it repeats. It stays scheduled; each time it fires, a copy is sent.</summary>
    public Recurrence Recurrence { get; set; }

    /// <summary>For weekly on chosen days: bits of <see cref="DayOfWeek"/> (local days); 0 for the first's weekday.</summary>
    public int Weekdays { get; set; }

    /// <summary>The first time of a repeating broadcast, whose local wall-clock time every occurrence keeps.</summary>
    public DateTime? FirstAt { get; set; }

    public BroadcastStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int Recipients { get; set; }

    /// <summary>Messages actually delivered, counted when it finished (null while it sends): the report reads this.</summary>
    public int? Delivered { get; set; }

    /// <summary>The outbox row of the officer's latest progress message (edited in place while it sends).</summary>
    public long? ProgressOutboxId { get; set; }

    /// <summary>When the progress message was last written, to edit it at most every <see cref="BroadcastOptions.ProgressEvery"/>.</summary>
    public DateTime? ProgressAt { get; set; }

    public IReadOnlyList<string> Wards => WardIds is null ? [] : WardIds.Split(',');

    public IReadOnlyList<string> Units => UnitIds is null ? [] : UnitIds.Split(',');

    public AudienceFilter Audience => new(BroadcastTopics.Followers(Topic), Wards, Units, Language);
}

public enum BroadcastStatus
{
    Scheduled = 0,

    /// <summary>Expanded into delivery rows; the dispatcher is sending them.</summary>
    Sending = 1,
    Sent = 2,
    Cancelled = 3,

    /// <summary>Its time passed while the service was down, beyond the grace time; the officer was told.</summary>
    Missed = 4,

    /// <summary>Held by its officer: it does not fire until resumed (a repeating one then goes on from its next time).</summary>
    Paused = 5,
}
