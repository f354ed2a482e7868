using System.Diagnostics;
using Sightline.LoadTest.Measurement;
using Sightline.LoadTest.Server;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Http;

/// <summary>Drives <c>POST /v1/batch</c> on N connections: a warm-up, then the measured window.</summary>
internal static class HttpLoad
{
    public static async Task<HttpFigures> RunAsync(
        ServerProcess server, BatchSet bodies, LoadTestSettings settings, uint run, string writeKey, CancellationToken cancellationToken)
    {
        using var http = LoadClient.Create(server.Address, writeKey, settings.Connections, TimeSpan.FromSeconds(60));

        var ids = new SequenceRange();
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (settings.WarmupSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (settings.Seconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, settings.Connections)
            .Select(c => new ConnectionWorker(http, bodies.ForConnection(c), run, ids, start, windowStart, windowEnd))
            .ToArray();
        var running = workers.Select(w => Task.Run(() => w.RunAsync(cancellationToken), CancellationToken.None)).ToArray();

        await DelayUntilAsync(windowStart, cancellationToken);
        var cpuStart = CpuSnapshot.Take(() => server.CpuTime);
        await DelayUntilAsync(windowEnd, cancellationToken);
        var cpuEnd = CpuSnapshot.Take(() => server.CpuTime);
        await Task.WhenAll(running);

        var latencies = new List<long>(workers.Sum(w => w.WindowLatencies.Count));
        foreach (var worker in workers)
        {
            latencies.AddRange(worker.WindowLatencies);
        }

        return new HttpFigures
        {
            EventsPerSecond = workers.Sum(w => w.WindowEvents) / (double)settings.Seconds,
            RequestsPerSecond = workers.Sum(w => w.WindowRequests) / (double)settings.Seconds,
            Latency = Percentiles.Of(latencies),
            NonOk = workers.Sum(w => w.NonOk),
            Failed = workers.Sum(w => w.Failed),
            FirstError = workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null),
            Acknowledged = workers.Sum(w => w.Acknowledged),
            Sent = workers.Sum(w => w.Sent),
            Cpu = CpuSnapshot.Between(cpuStart, cpuEnd),
            EventsBySecond = [.. Enumerable.Range(0, settings.WarmupSeconds + settings.Seconds).Select(second => workers.Sum(w => w.EventsBySecond[second]))],
        };
    }

    private static async Task DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken);
        }
    }
}
