using System.Diagnostics;
using System.Globalization;
using Sightline.LoadTest.Http;
using Sightline.LoadTest.Latency;
using Sightline.LoadTest.Measurement;
using Sightline.LoadTest.Server;
using Sightline.LoadTest.Verification;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Sustained;

/// <summary>One paced run: what went in, what the pipeline resolved meanwhile, and how its lag moved.</summary>
/// <param name="Rate">The events per second asked for.</param>
/// <param name="Ingested">Events per second acknowledged over the window.</param>
/// <param name="Resolved">Events per second the pipeline's checkpoint advanced over the same window.</param>
/// <param name="LagBySecond">Acknowledged minus resolved at the window's start and at each second of it.</param>
/// <param name="Cpu">CPU use over the window.</param>
/// <param name="Memory">The server's working set at the window's start and end, in bytes.</param>
/// <param name="ResolvedInWindow">Events the pipeline resolved over the window.</param>
/// <param name="Errors">Requests not answered 200.</param>
/// <param name="FirstError">The first of them, if any.</param>
internal sealed record SustainedFigures(
    int Rate, double Ingested, double Resolved, IReadOnlyList<long> LagBySecond, CpuFigures Cpu, (long Start, long End) Memory, long ResolvedInWindow,
    long Errors, string? FirstError)
{
    /// <summary>
    /// The pipeline keeps up when the input arrived at the asked rate and the lag at the end of the window is no more
    /// than one second of input: it did not grow without bound, whatever it did on the way.
    /// </summary>
    public bool KeptUp => Errors == 0 && Ingested >= Rate * 0.98 && LagBySecond[^1] <= Rate;
}

/// <summary>
/// Does the profile pipeline keep up with ingestion at a given rate? Unlike the default run, where 32 connections
/// send as fast as the server answers and ingestion takes what CPU it can, the input here is paced at a fixed rate
/// (<see cref="BackgroundLoad"/>), and every second the pipeline's committed checkpoint is read from the derived-state
/// file: the lag (acknowledged but not yet in profiles) must stay bounded for the rate to be sustained.
/// </summary>
internal static class SustainedRate
{
    public static async Task<SustainedFigures> RunAsync(
        ServerProcess server, string derivedFile, BatchSet bodies, int rate, int seconds, int warmupSeconds, uint run, string writeKey, CancellationToken cancellationToken)
    {
        using var http = LoadClient.Create(server.Address, writeKey, bodies.Connections, TimeSpan.FromSeconds(60));

        var batch = bodies.ForConnection(0)[0].Count;
        var start = Stopwatch.GetTimestamp();
        var load = new BackgroundLoad(http, bodies, bodies.Connections, run, start, (long)(Stopwatch.Frequency * batch / (double)rate));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = load.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds), cancellationToken);
        var cpuStart = CpuSnapshot.Take(() => server.CpuTime);
        var memoryAtStart = server.WorkingSet;
        var (acknowledgedAtStart, resolvedAtStart) = (load.Acknowledged, await StoredEvents.PipelineCheckpointAsync(derivedFile, cancellationToken));
        var lags = new List<long> { acknowledgedAtStart - resolvedAtStart };
        var (acknowledged, resolved) = (acknowledgedAtStart, resolvedAtStart);
        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1)))
        {
            for (var second = 0; second < seconds && await timer.WaitForNextTickAsync(cancellationToken); second++)
            {
                // The checkpoint first: read the other way round, the lag would include what arrived during the read.
                resolved = await StoredEvents.PipelineCheckpointAsync(derivedFile, cancellationToken);
                acknowledged = load.Acknowledged;
                lags.Add(acknowledged - resolved);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds - warmupSeconds;
        var cpu = CpuSnapshot.Between(cpuStart, CpuSnapshot.Take(() => server.CpuTime));
        var memoryAtEnd = server.WorkingSet;
        await stop.CancelAsync();
        await running;
        return new SustainedFigures(
            rate, (acknowledged - acknowledgedAtStart) / elapsed, (resolved - resolvedAtStart) / elapsed, lags, cpu, (memoryAtStart, memoryAtEnd),
            resolved - resolvedAtStart, load.Errors, load.FirstError);
    }

    public static void Print(SustainedFigures run, int number, int of, int warmupSeconds)
    {
        Console.WriteLine();
        Console.WriteLine($"Sustained run {number}/{of} at {run.Rate:N0} events/s (paced, after {warmupSeconds} s of warm-up)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Ingested      {run.Ingested:N0} events/s acknowledged"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Resolved      {run.Resolved:N0} events/s into profiles over the same window"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Lag           start {run.LagBySecond[0]:N0}, end {run.LagBySecond[^1]:N0}, max {run.LagBySecond.Max():N0} events"));
        Console.WriteLine($"  each second   {string.Join(' ', run.LagBySecond.Select(l => (l / 1000.0).ToString("N0", CultureInfo.InvariantCulture)))} (thousand events behind)");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  CPU (window)  server {run.Cpu.Server:0.00} cores ({run.Cpu.Server * 1e6 / run.Ingested:0.0} µs/event), load generator {run.Cpu.Self:0.00}, others {run.Cpu.Others:0.00}"));
        var growth = run.ResolvedInWindow > 0 ? (run.Memory.End - run.Memory.Start) / (double)run.ResolvedInWindow : 0;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  Memory        server working set {run.Memory.Start / 1e6:N0} MB at the window's start, {run.Memory.End / 1e6:N0} MB at its end ({growth:+0;-0;0} bytes per event resolved)"));
        Console.WriteLine($"  Errors        {run.Errors}{(run.FirstError is { } e ? $" (first: {e})" : "")}");
        Console.WriteLine($"  Kept up       {(run.KeptUp ? "yes" : "no")} (input at the rate, and at most one second of it behind at the end)");
    }

    public static void Summary(IReadOnlyList<SustainedFigures> runs)
    {
        Console.WriteLine();
        Console.WriteLine($"Median of {runs.Count} run(s)   [each run]");
        Console.WriteLine($"  ingested events/s   {Reporting.Report.Median(runs.Select(r => r.Ingested)),10:N0}   [{Each(runs, r => r.Ingested)}]");
        Console.WriteLine($"  resolved events/s   {Reporting.Report.Median(runs.Select(r => r.Resolved)),10:N0}   [{Each(runs, r => r.Resolved)}]");
        Console.WriteLine($"  lag at end          {Reporting.Report.Median(runs.Select(r => (double)r.LagBySecond[^1])),10:N0}   [{Each(runs, r => r.LagBySecond[^1])}]");
        Console.WriteLine($"  working set at end  {Reporting.Report.Median(runs.Select(r => r.Memory.End / 1e6)),10:N0}   [{Each(runs, r => r.Memory.End / 1e6)}] MB");
        Console.WriteLine();
        Console.WriteLine("Target");
        Console.WriteLine($"  pipeline keeps up with {runs[0].Rate:N0} events/s while ingesting them: {runs.Count(r => r.KeptUp)} of {runs.Count} runs");
    }

    private static string Each(IReadOnlyList<SustainedFigures> runs, Func<SustainedFigures, double> figure) =>
        string.Join("  ", runs.Select(r => figure(r).ToString("N0", CultureInfo.InvariantCulture)));
}
