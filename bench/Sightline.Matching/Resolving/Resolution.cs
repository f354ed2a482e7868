using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Resolving;

/// <summary>One timed resolution of a data set.</summary>
internal sealed record Resolution
{
    /// <summary>Cluster label per record index.</summary>
    public required int[] Clusters { get; init; }

    /// <summary>The scored pairs the resolver kept (the matcher: at or above the review threshold).</summary>
    public required IReadOnlyList<ScoredPair> Pairs { get; init; }

    /// <summary>Candidate pairs compared; zero for the baselines, which compare nothing.</summary>
    public required long Comparisons { get; init; }

    /// <summary>Wall time of the whole call, as measured here.</summary>
    public required TimeSpan Elapsed { get; init; }

    public TimeSpan Blocking { get; init; }

    public TimeSpan Training { get; init; }

    public TimeSpan Scoring { get; init; }

    /// <summary>Processor time (user and system, all threads) the process spent during the call: on a shared machine, steadier than wall time.</summary>
    public required TimeSpan Cpu { get; init; }

    /// <summary>Managed bytes allocated by the whole process during the call.</summary>
    public required long AllocatedBytes { get; init; }

    /// <summary>What the call did outside the three stages it reports: clustering, result building.</summary>
    public TimeSpan Other => Elapsed - Blocking - Training - Scoring;
}
