using Sightline.LoadTest.Measurement;

namespace Sightline.LoadTest.Latency;

/// <summary>What one event-to-profile latency run measured.</summary>
internal sealed record LatencyFigures
{
    /// <summary>Background load asked for, in events per second.</summary>
    public required int TargetEventsPerSecond { get; init; }

    /// <summary>Background events acknowledged with 200 per second while the probes ran (warm-up excluded).</summary>
    public required double AchievedEventsPerSecond { get; init; }

    /// <summary>From the 200 of <c>POST /v1/identify</c> to the first 200 of the profile, over the probes that resolved.</summary>
    public required Percentiles Latency { get; init; }

    /// <summary>Probes that resolved (measured window only).</summary>
    public required int Probes { get; init; }

    /// <summary>Resolved probes whose first poll already answered 200 (the latency is then one GET's round trip).</summary>
    public required int ResolvedOnFirstPoll { get; init; }

    /// <summary>Mean GETs per resolved probe.</summary>
    public required double MeanPolls { get; init; }

    /// <summary>Probes whose profile did not answer 200 within the give-up time.</summary>
    public required int Timeouts { get; init; }

    /// <summary>Probes whose identify was not acknowledged with 200, or whose poll got an answer other than 200/404.</summary>
    public required int ProbeErrors { get; init; }

    /// <summary>Background requests not answered 200 (or not answered at all), warm-up included.</summary>
    public required long BackgroundErrors { get; init; }

    /// <summary>CPU use over the measured window: below saturation, the server's per event compares builds better than latency on a shared machine.</summary>
    public required CpuFigures Cpu { get; init; }

    /// <summary>One error, for the report.</summary>
    public string? FirstError { get; init; }
}
