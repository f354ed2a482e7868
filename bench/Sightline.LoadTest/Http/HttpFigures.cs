using Sightline.LoadTest.Measurement;

namespace Sightline.LoadTest.Http;

/// <summary>What the HTTP phase measured. Rates and latencies cover the measured window; counts of acknowledged, sent and failed cover the whole phase, warm-up included.</summary>
internal sealed record HttpFigures
{
    public required double EventsPerSecond { get; init; }

    public required double RequestsPerSecond { get; init; }

    public required Percentiles Latency { get; init; }

    /// <summary>Requests answered with a status other than 200, whole phase.</summary>
    public required long NonOk { get; init; }

    /// <summary>Requests that got no answer at all (connection error, time-out), whole phase.</summary>
    public required long Failed { get; init; }

    /// <summary>One example of what went wrong, if anything did.</summary>
    public required string? FirstError { get; init; }

    /// <summary>Events in requests answered 200: what the server promised is durable.</summary>
    public required long Acknowledged { get; init; }

    /// <summary>Events in every request sent.</summary>
    public required long Sent { get; init; }

    public required CpuFigures Cpu { get; init; }

    /// <summary>Acknowledged events per second of the phase, warm-up first: shows warm-up and slow-down trends.</summary>
    public required IReadOnlyList<long> EventsBySecond { get; init; }

    public long Errors => NonOk + Failed;
}
