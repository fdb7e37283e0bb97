namespace Antq.Core.Instances;

/// <summary>
/// One running process of the service, as the others see it: it writes <see cref="SeenAt"/> every few seconds
/// (<see cref="InstanceHeartbeat"/>), and one not seen for <see cref="InstanceOptions.DeadAfter"/> is gone, its
/// outgoing messages in flight taken back by the live ones.
/// </summary>
public sealed class ServiceInstance
{
    /// <summary>Random at each start (<see cref="ThisInstance.Id"/>): a restarted process is a new instance.</summary>
    public required string Id { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime SeenAt { get; set; }
}
