using System.Diagnostics;

namespace Sightline.LoadTest.Measurement;

/// <summary>Latency percentiles from raw Stopwatch tick durations (nearest-rank).</summary>
internal sealed record Percentiles(double P50Ms, double P99Ms, double MaxMs)
{
    public static Percentiles Of(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN);
        }

        ticks.Sort();
        return new Percentiles(Ms(Rank(ticks, 0.50)), Ms(Rank(ticks, 0.99)), Ms(ticks[^1]));
    }

    private static long Rank(List<long> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
