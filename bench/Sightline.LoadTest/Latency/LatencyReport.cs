namespace Sightline.LoadTest.Latency;

/// <summary>Prints the event-to-profile figures in the same shape as the tool's other lines.</summary>
internal static class LatencyReport
{
    public const double TargetP99Ms = 100;
    public const int TargetEventsPerSecond = 5_000;

    public static void Header(int eventsPerSecond, int seconds, int warmupSeconds, int segments)
    {
        Line($"Latency run   fresh server; background {eventsPerSecond:N0} events/s as {ProfileLatency.BackgroundBatch}-message batches on {ProfileLatency.BackgroundConnections} paced connections; "
            + (segments > 0 ? $"{segments} segments saved; " : "")
            + $"a probe every {ProfileLatency.ProbeInterval.TotalMilliseconds:N0} ms (identify, then GET /v1/profiles/user_id:…{(segments > 0 ? "/segments until it lists \"" + SegmentSetup.ProbeSegment + "\"" : "")} every {ProfileProbe.PollInterval.TotalMilliseconds:N0} ms or {ProfileProbe.PollShare:P0} of the wait so far, give up after {ProfileProbe.GiveUp.TotalSeconds:N0} s); "
            + $"warm-up {warmupSeconds} s, measured {seconds} s");
    }

    public static void Figures(LatencyFigures figures, bool membership)
    {
        var l = figures.Latency;
        Line($"  Latency       event→{(membership ? "membership" : "profile")} p50 {l.P50Ms:N1} ms, p99 {l.P99Ms:N1} ms, max {l.MaxMs:N1} ms over {figures.Probes:N0} probes ({figures.Timeouts} timeouts) "
            + $"at {figures.TargetEventsPerSecond:N0} events/s background (achieved {figures.AchievedEventsPerSecond:N0} events/s)");
        Line($"  polls         {figures.MeanPolls:N1} GETs per probe on average; {figures.ResolvedOnFirstPoll:N0} of {figures.Probes:N0} profiles already existed at the first GET");
        var c = figures.Cpu;
        Line($"  CPU (window)  server {c.Server:N2} cores = {c.Server * 1e6 / Math.Max(1, figures.AchievedEventsPerSecond):N0} µs per background event, load generator {c.Self:N2}, kernel {c.Kernel:N2}, others {c.Others:N2}; machine {c.MachineBusy:N2} of {Environment.ProcessorCount} busy");
        if (figures.ProbeErrors + figures.BackgroundErrors > 0)
        {
            Line($"  errors        probes {figures.ProbeErrors}, background requests {figures.BackgroundErrors}; first: {figures.FirstError}");
        }

        var met = figures.Probes > 0 && figures.Timeouts == 0 && l.P99Ms < TargetP99Ms;
        var load = figures.TargetEventsPerSecond >= TargetEventsPerSecond && figures.AchievedEventsPerSecond >= 0.95 * TargetEventsPerSecond
            ? ""
            : $" (this run's background was {figures.AchievedEventsPerSecond:N0} events/s, so it does not test the target's load)";
        Line($"  Target        p99 < {TargetP99Ms:N0} ms at {TargetEventsPerSecond:N0} events/s: {(met ? "met" : "NOT met")}{load}");
        Line();
    }

    private static void Line(string text = "") => Console.WriteLine(text);
}
