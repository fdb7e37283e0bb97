namespace Antq.Core.Tips;

/// <summary>
/// A tip (tin báo). It holds no link to the resident who sent it: the way back lives apart in
/// <see cref="TipRoute"/>, encrypted, and is deleted after the tip is closed.
/// </summary>
public sealed class Tip
{
    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>A tip, or a question to officers (not counted as a tip).</summary>
    public TipKind Kind { get; set; }

    public required string CategoryId { get; set; }

    public required string WardId { get; set; }

    public string? UnitId { get; set; }

    /// <summary>A typed address, or the name of the unit chosen.</summary>
    public string? PlaceText { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>"now", "today" or a date (yyyy-MM-dd), local time, as the resident said it.</summary>
    public required string OccurredWhen { get; set; }

    public required string Description { get; set; }

    public bool Anonymous { get; set; }

    /// <summary>For a tip that is not anonymous: the name the resident chose to give, nothing more.</summary>
    public string? ReporterName { get; set; }

    /// <summary>The language to tell the tipster in.</summary>
    public required string Language { get; set; }

    public TipStatus Status { get; set; }

    public long? AssignedOfficerId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FirstResponseAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? Outcome { get; set; }

    public List<TipAttachment> Attachments { get; set; } = [];

    /// <summary>
    /// <see cref="Description"/> and <see cref="PlaceText"/> folded for the console's search (<see cref="TipSearch"/>),
    /// worked out from them whenever the tip is saved, so it can never fall behind the text. The value read back
    /// from the database is not needed and is dropped.
    /// </summary>
    public string SearchText
    {
        get => TipSearch.TextOf(Description, PlaceText);
        private set => _ = value;
    }
}
