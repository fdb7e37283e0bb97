namespace Antq.Bot.Tests.Delivery;

/// <summary>
/// Tests that measure a rate or a delay run on their own, after the others: what they measure is the service, not how
/// many other hosts the test run had going on the same cores at that moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
