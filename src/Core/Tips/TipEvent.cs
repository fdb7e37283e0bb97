namespace Antq.Core.Tips;

/// <summary>One line of a tip's history (its audit trail): a status change, an assignment or an internal note (who and when), or a message in its thread.</summary>
public sealed class TipEvent
{
    public long Id { get; set; }

    public long TipId { get; set; }

    public DateTime At { get; set; }

    public TipEventKind Kind { get; set; }

    /// <summary>The officer who acted, or null for the tipster.</summary>
    public long? OfficerId { get; set; }

    public TipStatus? FromStatus { get; set; }

    public TipStatus? ToStatus { get; set; }

    /// <summary>A reply's text or a closing note.</summary>
    public string? Text { get; set; }

    /// <summary>A photo attached to a reply (file id).</summary>
    public string? PhotoFileId { get; set; }

    /// <summary>For <see cref="TipEventKind.Assigned"/>: the officer the tip was given to.</summary>
    public long? AssigneeOfficerId { get; set; }
}

public enum TipEventKind
{
    Submitted = 0,
    StatusChanged = 1,
    OfficerReply = 2,
    TipsterReply = 3,

    /// <summary>An officers' note on the tip; it never reaches the tipster.</summary>
    InternalNote = 4,

    /// <summary>The tip given to an officer of its ward (<see cref="TipEvent.AssigneeOfficerId"/>).</summary>
    Assigned = 5,
}
