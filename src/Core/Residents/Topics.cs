namespace Antq.Core.Residents;

/// <summary>What a resident follows; stored as bits so audience queries stay set-based.</summary>
[Flags]
public enum Topics
{
    None = 0,

    /// <summary>Tin an ninh trật tự.</summary>
    Security = 1,

    /// <summary>An toàn giao thông.</summary>
    Traffic = 2,

    /// <summary>Phòng cháy, chữa cháy.</summary>
    Fire = 4,

    /// <summary>Ngày hội và sự kiện.</summary>
    Events = 8,

    All = Security | Traffic | Fire | Events,
}
