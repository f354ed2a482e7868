using System.Diagnostics;
using System.Net.Http.Headers;
using Sightline.LoadTest.Http;
using Sightline.LoadTest.Measurement;
using Sightline.LoadTest.Server;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Latency;

/// <summary>
/// Event-to-profile latency: a paced background of <c>POST /v1/batch</c> at a fixed rate, and meanwhile a probe
/// every <see cref="ProbeInterval"/> (an identify with a new userId, then polling its profile until it exists).
/// Probes started during the warm-up are sent but not counted.
/// </summary>
internal static class ProfileLatency
{
    public const int BackgroundBatch = 50;
    public const int BackgroundConnections = 4;
    public const string AdminKey = "bench-admin-key-0123456789";
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<LatencyFigures> RunAsync(
        ServerProcess server, BatchSet bodies, int eventsPerSecond, int seconds, int warmupSeconds, uint run, string writeKey, int segments, CancellationToken cancellationToken)
    {
        using var http = LoadClient.Create(server.Address, writeKey, 256, TimeSpan.FromSeconds(30));
        var basic = http.DefaultRequestHeaders.Authorization!;
        var bearer = new AuthenticationHeaderValue("Bearer", AdminKey);
        var probeSegment = segments > 0 ? await SegmentSetup.CreateAsync(http, bearer, segments, cancellationToken) : null;

        var requestsPerSecond = eventsPerSecond / (double)BackgroundBatch;
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (warmupSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (seconds * Stopwatch.Frequency);
        var background = new BackgroundLoad(http, bodies, BackgroundConnections, run, start, (long)(Stopwatch.Frequency / requestsPerSecond));
        using var stopBackground = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var backgroundRunning = background.RunAsync(stopBackground.Token);

        var probes = new List<Task<ProbeResult>>();
        long acknowledgedAtWindowStart = -1, acknowledgedAtWindowEnd = -1;
        var cpuStart = default(CpuSnapshot);
        using (var timer = new PeriodicTimer(ProbeInterval))
        {
            for (var number = 0; Stopwatch.GetTimestamp() < windowEnd; number++)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= windowStart && acknowledgedAtWindowStart < 0)
                {
                    acknowledgedAtWindowStart = background.Acknowledged;
                    cpuStart = CpuSnapshot.Take(() => server.CpuTime);
                }

                var probeNumber = number;
                var probe = Task.Run(() => ProfileProbe.RunAsync(http, basic, bearer, run, probeNumber, probeSegment), CancellationToken.None);
                if (now >= windowStart)
                {
                    probes.Add(probe);
                }

                if (!await timer.WaitForNextTickAsync(cancellationToken))
                {
                    break;
                }
            }

            acknowledgedAtWindowEnd = background.Acknowledged;
        }

        var cpu = CpuSnapshot.Between(cpuStart, CpuSnapshot.Take(() => server.CpuTime));

        // The background keeps going while the last probes wait for their profiles, so they see the same load.
        var results = await Task.WhenAll(probes);
        await stopBackground.CancelAsync();
        await backgroundRunning;

        var resolved = results.Where(r => r.Outcome == ProbeOutcome.Resolved).ToList();
        var latencies = resolved.Select(r => r.LatencyTicks).ToList();
        return new LatencyFigures
        {
            TargetEventsPerSecond = eventsPerSecond,
            AchievedEventsPerSecond = (acknowledgedAtWindowEnd - Math.Max(0, acknowledgedAtWindowStart)) / (double)seconds,
            Latency = Percentiles.Of(latencies),
            Probes = latencies.Count,
            ResolvedOnFirstPoll = resolved.Count(r => r.Polls == 1),
            MeanPolls = resolved.Count == 0 ? 0 : resolved.Average(r => r.Polls),
            Timeouts = results.Count(r => r.Outcome == ProbeOutcome.TimedOut),
            ProbeErrors = results.Count(r => r.Outcome == ProbeOutcome.Failed),
            BackgroundErrors = background.Errors,
            Cpu = cpu,
            FirstError = results.Select(r => r.Error).FirstOrDefault(e => e is not null) ?? background.FirstError,
        };
    }
}
