using System.Globalization;

namespace Antq.Benchmarks;

/// <summary>Percentiles of a sample of durations, in milliseconds (nearest rank).</summary>
internal sealed record Distribution(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Distribution Of(IEnumerable<TimeSpan> sample)
    {
        var ms = sample.Select(s => s.TotalMilliseconds).Order().ToArray();
        if (ms.Length == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new Distribution(ms.Length, ms.Average(), Rank(ms, 0.50), Rank(ms, 0.95), Rank(ms, 0.99), ms[^1]);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"n={Count}  p50={Ms(P50)} ms  p95={Ms(P95)} ms  p99={Ms(P99)} ms  max={Ms(Max)} ms  mean={Ms(Mean)} ms";
}
