namespace Sightline.Core.Identity.Matching;

/// <summary>What a batch resolve found: the model it used, the pairs worth keeping and the resulting clusters.</summary>
public sealed record BatchResult
{
    /// <summary>The model the pairs were scored with (estimated from the records unless one was given).</summary>
    public required MatchModel Model { get; init; }

    /// <summary>Candidate pairs scoring at or above the review threshold.</summary>
    public required IReadOnlyList<ScoredPair> Pairs { get; init; }

    /// <summary>For each record (by index), the label of its cluster: records joined by auto-merges share a label.</summary>
    public required int[] Clusters { get; init; }

    /// <summary>How many candidate pairs the blocking rules produced and were scored.</summary>
    public required long Comparisons { get; init; }

    public required TimeSpan BlockingTime { get; init; }

    public required TimeSpan TrainingTime { get; init; }

    public required TimeSpan ScoringTime { get; init; }
}
