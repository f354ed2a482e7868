using System.Diagnostics;
using Sightline.Core.Events;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Baseline;

/// <summary>The parser alone on one thread: how many events per second one core can validate and normalize.</summary>
internal static class ParserSpeed
{
    public static ParserFigures Measure(BatchSet bodies, TimeSpan duration)
    {
        var parser = new MessageParser(new IngestionLimits());
        var all = bodies.All;
        var receivedAt = DateTimeOffset.UtcNow;
        // Long enough for tiered compilation to reach its optimized code, as it has in a warmed-up server.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; warmup.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            parser.Parse(all[i % all.Count].Bytes, null, receivedAt);
        }

        var events = 0L;
        using var self = Process.GetCurrentProcess();
        var cpuStart = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            events += parser.Parse(all[i % all.Count].Bytes, null, receivedAt).Accepted.Count;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuStart).TotalSeconds;
        return new ParserFigures(events / seconds, cpu * 1e6 / events);
    }
}
