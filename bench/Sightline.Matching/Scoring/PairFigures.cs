namespace Sightline.Matching.Scoring;

/// <summary>Pairwise accuracy: record pairs predicted to match against pairs that truly match.</summary>
/// <param name="TruePairs">Pairs of records of the same true entity (cross-source only, for linkage).</param>
/// <param name="PredictedPairs">Pairs the prediction joins (cross-source only, for linkage).</param>
/// <param name="TruePositives">Pairs in both.</param>
internal sealed record PairFigures(long TruePairs, long PredictedPairs, long TruePositives)
{
    public long FalsePositives => PredictedPairs - TruePositives;

    public long FalseNegatives => TruePairs - TruePositives;

    /// <summary>1 when nothing is predicted: no claim was wrong (recall is 0 then, and so is F1).</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)TruePositives / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)TruePositives / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
