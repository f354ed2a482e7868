using Sightline.LoadTest.Measurement;

namespace Sightline.LoadTest.Baseline;

/// <summary>One raw append baseline: events per transaction and what it sustained.</summary>
internal sealed record RawFigures(int Group, long Events, double Seconds, CpuFigures Cpu)
{
    public double EventsPerSecond => Events / Seconds;

    public double TransactionsPerSecond => Events / (double)Group / Seconds;
}
