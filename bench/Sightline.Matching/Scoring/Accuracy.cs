using Sightline.Core.Identity.Matching;
using Sightline.Matching.Datasets;
using Sightline.Matching.Resolving;

namespace Sightline.Matching.Scoring;

/// <summary>
/// Everything measured about one resolution of one data set against its truth. The largest predicted cluster is kept
/// because a chain of weak merges shows there first.
/// </summary>
internal sealed record Accuracy(PairFigures Pairwise, BCubedFigures BCubed, EdgeFigures Edges, int PredictedClusters, int TrueEntities, int LargestCluster)
{
    public static Accuracy Measure(LabeledDataset data, Resolution resolution, MatchSettings settings)
    {
        var pairwise = Contingency.Pairwise(resolution.Clusters, data.Truth, data.Origins);
        return new Accuracy(
            pairwise,
            Contingency.BCubed(resolution.Clusters, data.Truth),
            EdgeScoring.Measure(resolution.Pairs, settings, data.Truth, data.Origins, pairwise.TruePairs),
            Contingency.Groups(resolution.Clusters),
            Contingency.Groups(data.Truth),
            resolution.Clusters.Length == 0 ? 0 : resolution.Clusters.CountBy(c => c).Max(g => g.Value));
    }
}
