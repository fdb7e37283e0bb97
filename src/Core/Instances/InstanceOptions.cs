namespace Antq.Core.Instances;

/// <summary>How the instances sharing one database tell that one of them is gone.</summary>
public sealed class InstanceOptions
{
    public const string Section = "Instances";

    /// <summary>How often an instance writes that it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An instance not seen for this long is gone: its leases are taken back (PostgreSQL; on SQLite there is one).</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(10);
}
