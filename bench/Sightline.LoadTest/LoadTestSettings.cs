namespace Sightline.LoadTest;

/// <summary>What one invocation of the load test does; every figure it prints is read against these.</summary>
internal sealed record LoadTestSettings
{
    /// <summary>Length of the measured HTTP window, in seconds.</summary>
    public required int Seconds { get; init; }

    /// <summary>Untimed HTTP load before the window, in seconds.</summary>
    public required int WarmupSeconds { get; init; }

    /// <summary>Concurrent HTTP connections, one request in flight on each.</summary>
    public required int Connections { get; init; }

    /// <summary>Messages per <c>POST /v1/batch</c>.</summary>
    public required int Batch { get; init; }

    /// <summary>How many times the whole run (server, HTTP, raw baselines) is repeated.</summary>
    public required int Repeat { get; init; }

    /// <summary>SQLite's <c>synchronous</c> pragma for both the server and the raw baseline.</summary>
    public required string Synchronous { get; init; }

    /// <summary>Messages per transaction of the main raw baseline; by default connections × batch, the largest group the server can form.</summary>
    public required int RawGroup { get; init; }

    /// <summary>Time limit of each raw baseline, in seconds.</summary>
    public required int RawSeconds { get; init; }

    /// <summary>Most events each raw baseline appends (all are built before the clock starts).</summary>
    public required int RawEvents { get; init; }

    /// <summary>Skip the raw and parser baselines, for quick HTTP-only experiments.</summary>
    public required bool NoRaw { get; init; }

    /// <summary>The raw baselines encrypt every payload, as the server does by default (<c>Sightline:Encryption</c>).</summary>
    public bool RawEncrypted { get; init; }

    /// <summary>Run <c>./sightline --help</c> first, which rebuilds the CLI when a source file is newer.</summary>
    public required bool Build { get; init; }

    /// <summary>A build of the CLI to measure instead of the tree's <c>.build/cli</c> (a base for an A/B comparison).</summary>
    public string? Cli { get; init; }

    /// <summary>Extra environment variables for the server process (KEY=VALUE), for experiments.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> ServerEnvironment { get; init; }

    /// <summary>Share of messages (0-100) from a new visitor, with a fresh anonymousId each time they are sent.</summary>
    public int NewVisitors { get; init; }

    /// <summary>Pace the input at this many events per second and report whether the pipeline keeps up (null: as fast as the server answers).</summary>
    public int? SustainedRate { get; init; }

    /// <summary>Background events per second of the event-to-profile latency run; null skips that run.</summary>
    public int? LatencyRate { get; init; }

    /// <summary>Measured length of the latency run, in seconds (after the warm-up).</summary>
    public int LatencySeconds { get; init; } = 20;

    /// <summary>Segments saved before the latency run; with any, probes wait for segment membership instead of the profile.</summary>
    public int Segments { get; init; }

    /// <summary>Run only the latency run, not the throughput repetitions.</summary>
    public bool LatencyOnly { get; init; }

    /// <summary>Measure the profile pipeline alone (an ingest-only fill, then <c>sightline rebuild</c>) instead of ingestion.</summary>
    public bool PipelineOnly { get; init; }

    /// <summary>Messages per transaction of the second raw baseline: one request's worth.</summary>
    public int SmallRawGroup => Batch;
}
