namespace Sightline.Matching.Scoring;

/// <summary>
/// B-cubed accuracy (Bagga and Baldwin): for each record, the share of its predicted cluster that is truly its entity
/// (precision) and the share of its entity that landed in its cluster (recall), averaged over records. Unlike pairwise
/// figures, a large cluster does not dominate it quadratically.
/// </summary>
internal sealed record BCubedFigures(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
