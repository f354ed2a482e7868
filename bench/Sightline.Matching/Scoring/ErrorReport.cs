namespace Sightline.Matching.Scoring;

/// <summary>The wrong pairs of one resolution, counted by kind, with a seeded sample of each kind to read.</summary>
internal sealed record ErrorReport
{
    /// <summary>True pairs left in different clusters (cross-source only for linkage).</summary>
    public required long Missed { get; init; }

    /// <summary>Missed pairs the matcher scored in the review band: the model's weights or the threshold.</summary>
    public required long MissedInReview { get; init; }

    /// <summary>Missed pairs scored at or above auto-merge yet not joined: a clustering problem.</summary>
    public required long MissedAtAutoMerge { get; init; }

    /// <summary>Missed pairs absent from the pair list: never blocked together, or scored below review.</summary>
    public required long MissedUnscored { get; init; }

    public required IReadOnlyList<FieldAgreement> MissedFields { get; init; }

    public required IReadOnlyList<PairError> MissedSamples { get; init; }

    /// <summary>Auto-merge edges between different entities: the scorer's own false positives.</summary>
    public required long WrongEdges { get; init; }

    public required IReadOnlyList<FieldAgreement> WrongEdgeFields { get; init; }

    public required IReadOnlyList<PairError> WrongEdgeSamples { get; init; }

    /// <summary>Pairs of different entities joined only through other records (chaining), sampled one per cluster.</summary>
    public required IReadOnlyList<PairError> ChainedSamples { get; init; }
}
