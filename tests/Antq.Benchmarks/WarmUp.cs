using System.Runtime;

namespace Antq.Benchmarks;

/// <summary>
/// Runs onboarding in a closed loop until the JIT has settled: the given residents first, then rounds of 1,000 more
/// while a round still compiled many methods (tiered compilation keeps promoting hot methods for a while; a run
/// measured before that ends measures the compiler too). A service that runs for days is past this point.
/// </summary>
internal static class WarmUp
{
    private const int Round = 1000;
    private const int MaxRounds = 12;
    private const long Settled = 40;

    public static async Task RunAsync(BotUnderTest bot, Script script, UpdateFeed feed, int[] expected, long chatBase, int residents, TextWriter log)
    {
        log.WriteLine($"  warm-up: {residents} residents through onboarding, then rounds of {Round} until the JIT compiles fewer than {Settled} methods in one");
        await Saturation.ClosedLoopAsync(bot, script, feed, expected, chatBase, residents, log);
        var next = chatBase + residents;
        for (var round = 1; round <= MaxRounds; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await Saturation.ClosedLoopAsync(bot, script, feed, expected, next, Round, TextWriter.Null);
            next += Round;
            compiled = JitInfo.GetCompiledMethodCount() - compiled;
            log.WriteLine($"    round {round}: {compiled} methods compiled");
            if (compiled < Settled)
            {
                return;
            }
        }
    }
}
