namespace Sightline.Matching.Scoring;

/// <summary>The scored pairs before clustering: what the scorer alone gets right, without transitive closure.</summary>
/// <param name="AutoMerge">Pairwise figures of the distinct pairs at or above the auto-merge threshold.</param>
/// <param name="ReviewPairs">Distinct pairs in the review band (review threshold up to auto-merge).</param>
/// <param name="ReviewTrue">Of those, pairs of the same true entity.</param>
/// <param name="Repeated">Pairs the result lists more than once (counted once above).</param>
/// <param name="SameSource">Pairs inside one source of a linkage set, left out of every figure here.</param>
internal sealed record EdgeFigures(PairFigures AutoMerge, long ReviewPairs, long ReviewTrue, long Repeated, long SameSource);
