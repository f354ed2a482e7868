using System.Globalization;
using System.Runtime.InteropServices;
using Sightline.LoadTest.Pipeline;
using Sightline.LoadTest.Server;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Reporting;

/// <summary>Prints the settings, each run, and the medians against the targets.</summary>
internal static class Report
{
    public const double TargetEventsPerSecond = 150_000;
    public const double TargetRatio = 0.6;

    /// <summary>Cores of other people's work above which a run is flagged as disturbed.</summary>
    private const double NoisyCores = 0.15;

    public static void Header(LoadTestSettings settings, SightlineCli cli, BatchSet bodies)
    {
        Line($"Sightline ingestion load test, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line($"Machine       {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average at start {LoadAverage()}");
        Line($"Server        {cli.Source}/sightline.dll built {cli.BuiltAt:yyyy-MM-dd HH:mm:ss} UTC{(cli.Stale ? " (OLDER than files in src/: --build rebuilds it)" : "")}, synchronous={settings.Synchronous}, own process on loopback"
            + (settings.ServerEnvironment.Count == 0 ? "" : ", env " + string.Join(' ', settings.ServerEnvironment.Select(e => $"{e.Key}={e.Value}"))));
        if (!settings.LatencyOnly)
        {
            Line($"HTTP          {settings.Connections} connections, {settings.Batch} messages per POST /v1/batch, warm-up {settings.WarmupSeconds} s, measured {settings.Seconds} s");
            Line($"Raw baseline  SqliteEventLog.AppendAsync, {settings.RawGroup:N0} and {settings.SmallRawGroup:N0} events per transaction, each up to {settings.RawSeconds} s or {settings.RawEvents:N0} events"
                + (settings.NoRaw ? " (skipped: --no-raw)" : settings.RawEncrypted ? ", payloads encrypted (--raw-encrypted)" : ""));
            Line($"Messages      {bodies.MinMessageBytes}-{bodies.MaxMessageBytes} bytes of JSON (mean {bodies.AverageMessageBytes:N0}), request bodies mean {bodies.AverageBodyBytes:N0} bytes; ~55% track, 30% page, 15% identify{(settings.NewVisitors > 0 ? $"; {settings.NewVisitors}% from new visitors (a fresh anonymousId each time)" : "")}");
            Line($"Repeats       {settings.Repeat}; the load generator shares the machine with the server, and the machine is shared with other work");
        }

        Line();
    }

    public static void Run(RunFigures run, int of)
    {
        var http = run.Http;
        Line($"Run {run.Number}/{of}");
        Line($"  HTTP          {http.EventsPerSecond,9:N0} events/s  {http.RequestsPerSecond,7:N0} requests/s  latency p50 {http.Latency.P50Ms:N1} ms, p99 {http.Latency.P99Ms:N1} ms, max {http.Latency.MaxMs:N1} ms  errors {http.Errors} (non-200 {http.NonOk}, no answer {http.Failed})");
        if (http.Cpu.Others > NoisyCores)
        {
            Line($"  note          other work on the machine used {http.Cpu.Others:N2} cores during the window: this run's events/s is understated");
        }

        if (http.FirstError is { } error)
        {
            Line($"  first error   {error}");
        }

        Line($"  each second   {Timeline(http.EventsBySecond, run.WarmupSeconds)} (thousand events/s; warm-up | window)");
        Line($"  CPU per event server {PerEvent(http.Cpu.Server, http.EventsPerSecond):N1} µs, load generator {PerEvent(http.Cpu.Self, http.EventsPerSecond):N1} µs (CPU time / events; robust to other load, unlike events/s)");
        Line($"  CPU (window)  server {http.Cpu.Server:N2} cores, load generator {http.Cpu.Self:N2}, kernel {http.Cpu.Kernel:N2}, steal {http.Cpu.Steal:N2}, others {http.Cpu.Others:N2}; machine {http.Cpu.MachineBusy:N2} of {Environment.ProcessorCount} busy, iowait {http.Cpu.MachineIoWait:N2}");
        Line($"  Log check     acknowledged {http.Acknowledged:N0}, stored {run.Stored:N0} (sent {http.Sent:N0}): "
            + (run.LogConsistent ? (http.Errors == 0 ? "exact" : "consistent within the unanswered requests") : "MISMATCH"));
        if (run.Raw is { } raw && run.RawSmall is { } small)
        {
            foreach (var r in new[] { raw, small })
            {
                Line($"  Raw {r.Group,6:N0}/tx {r.EventsPerSecond,9:N0} events/s  {r.TransactionsPerSecond,7:N0} tx/s  {PerEvent(r.Cpu.Self, r.EventsPerSecond):N1} µs CPU/event  ({r.Events:N0} events in {r.Seconds:N1} s; this process {r.Cpu.Self:N2} cores, kernel {r.Cpu.Kernel:N2}, others {r.Cpu.Others:N2}, iowait {r.Cpu.MachineIoWait:N2})");
            }

            Line($"  Parser alone  1 thread {run.Parser!.EventsPerSecond:N0} events/s, {run.Parser.CpuMicrosecondsPerEvent:N1} µs CPU/event");
            Line($"  Ratio         HTTP / raw {raw.Group:N0}/tx = {run.Ratio:N2}");
        }

        Line();
    }

    public static void Summary(IReadOnlyList<RunFigures> runs, LoadTestSettings settings)
    {
        Line($"Median of {runs.Count} run(s)   [each run]");
        Row("HTTP events/s", runs, r => r.Http.EventsPerSecond, "N0");
        Row("HTTP requests/s", runs, r => r.Http.RequestsPerSecond, "N0");
        Row("latency p50 ms", runs, r => r.Http.Latency.P50Ms, "N1");
        Row("latency p99 ms", runs, r => r.Http.Latency.P99Ms, "N1");
        Row("latency max ms", runs, r => r.Http.Latency.MaxMs, "N1");
        Row("server CPU µs/event", runs, r => PerEvent(r.Http.Cpu.Server, r.Http.EventsPerSecond), "N1");
        Row("server cores", runs, r => r.Http.Cpu.Server, "N2");
        Row("load gen cores", runs, r => r.Http.Cpu.Self, "N2");
        Row("kernel cores", runs, r => r.Http.Cpu.Kernel, "N2");
        Row("other people's cores", runs, r => r.Http.Cpu.Others, "N2");
        if (runs.All(r => r.Raw is not null))
        {
            Row($"raw {settings.RawGroup:N0}/tx ev/s", runs, r => r.Raw!.EventsPerSecond, "N0");
            Row($"raw {settings.SmallRawGroup:N0}/tx ev/s", runs, r => r.RawSmall!.EventsPerSecond, "N0");
            Row($"raw {settings.RawGroup:N0}/tx µs/event", runs, r => PerEvent(r.Raw!.Cpu.Self, r.Raw.EventsPerSecond), "N1");
            Row("parser 1 thread ev/s", runs, r => r.Parser!.EventsPerSecond, "N0");
            Row("parser µs/event", runs, r => r.Parser!.CpuMicrosecondsPerEvent, "N1");
            Row("ratio HTTP/raw", runs, r => r.Ratio!.Value, "N2");
        }

        var errors = runs.Sum(r => r.Http.Errors);
        Line($"  {"errors (all runs)",-22}{errors:N0}");
        Line($"  {"log checks",-22}{runs.Count(r => r.LogConsistent)} of {runs.Count} " + (runs.All(r => r.LogConsistent && r.Http.Errors == 0) ? "exact" : "NOT all exact"));
        Line();

        var eventsPerSecond = Median(runs.Select(r => r.Http.EventsPerSecond));
        Line("Targets");
        Line($"  HTTP events/s >= {TargetEventsPerSecond:N0}      median {eventsPerSecond:N0}: {(eventsPerSecond >= TargetEventsPerSecond ? "met" : "NOT met")}");
        if (runs.All(r => r.Ratio is not null))
        {
            var ratio = Median(runs.Select(r => r.Ratio!.Value));
            Line($"  HTTP / raw >= {TargetRatio:N1}              median {ratio:N2}: {(ratio >= TargetRatio ? "met" : "NOT met")}");
        }
    }

    public static void Pipeline(PipelineFigures run, int number, int of)
    {
        Line();
        Line($"Pipeline run {number}/{of}");
        Line($"  Log filled    {run.Stored:N0} events over HTTP by an ingest-only server (Sightline:Pipeline=false)");
        Line($"  Rebuild       {run.Resolved:N0} events in {run.Seconds:0.0} s: {run.EventsPerSecond:N0} events/s (sightline rebuild, load included)");
        Line($"  Parser alone  1 thread {run.Parser.EventsPerSecond:N0} events/s, {run.Parser.CpuMicrosecondsPerEvent:0.0} µs CPU/event");
        Line($"  Ratio         pipeline / parser = {run.EventsPerSecond / run.Parser.EventsPerSecond:0.000}");
    }

    public static void PipelineSummary(IReadOnlyList<PipelineFigures> runs)
    {
        Line();
        Line($"Median of {runs.Count} run(s)   [each run]");
        Line($"  pipeline events/s   {Median(runs.Select(r => r.EventsPerSecond)),10:N0}   [{string.Join("  ", runs.Select(r => r.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}]");
        Line($"  parser events/s     {Median(runs.Select(r => r.Parser.EventsPerSecond)),10:N0}   [{string.Join("  ", runs.Select(r => r.Parser.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}]");
        Line($"  ratio               {Median(runs.Select(r => r.EventsPerSecond / r.Parser.EventsPerSecond)),10:0.000}");
        Line();
        Line("Target");
        var median = Median(runs.Select(r => r.EventsPerSecond));
        Line($"  pipeline events/s >= 50,000   median {median:N0}: {(median >= 50_000 ? "met" : "not met")}");
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Timeline(IReadOnlyList<long> eventsBySecond, int warmupSeconds) =>
        string.Join(' ', eventsBySecond.Select((events, second) => (second == warmupSeconds ? "| " : "") + (events / 1000.0).ToString("N0", CultureInfo.InvariantCulture)));

    /// <summary>Microseconds of CPU per event: cores busy divided by events per second.</summary>
    private static double PerEvent(double cores, double eventsPerSecond) => cores * 1e6 / eventsPerSecond;

    private static void Row(string name, IReadOnlyList<RunFigures> runs, Func<RunFigures, double> figure, string format)
    {
        var each = string.Join("  ", runs.Select(r => figure(r).ToString(format, CultureInfo.InvariantCulture)));
        Line($"  {name,-22}{Median(runs.Select(figure)).ToString(format, CultureInfo.InvariantCulture),10}   [{each}]");
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    // The project runs with invariant globalization, so interpolated figures always print as 1,234.5.
    private static void Line(string text = "") => Console.WriteLine(text);
}
