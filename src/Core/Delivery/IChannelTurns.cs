namespace Antq.Core.Delivery;

/// <summary>
/// Turns on a channel's overall rate: in this process alone (<see cref="ChannelGate"/>), or shared by every instance on
/// the database (<see cref="SharedChannelGate"/>).
/// </summary>
internal interface IChannelTurns
{
    /// <summary>Waits until one more message may go and counts it; returns the pass to report to <see cref="Sent"/>.</summary>
    Task<long> WaitAsync(CancellationToken cancellationToken);

    /// <summary>The answer to pass <paramref name="pass"/> came back (or the request failed).</summary>
    void Sent(long pass);

    /// <summary>Nothing goes before <paramref name="pause"/> has passed (the channel said "retry after").</summary>
    void PauseFor(TimeSpan pause);
}
