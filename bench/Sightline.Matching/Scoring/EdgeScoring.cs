using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Scoring;

/// <summary>Scores the matcher's pair list itself against the truth.</summary>
internal static class EdgeScoring
{
    public static EdgeFigures Measure(IReadOnlyList<ScoredPair> pairs, MatchSettings settings, int[] truth, int[]? origins, long truePairs)
    {
        var seen = new HashSet<long>(pairs.Count);
        long merges = 0, mergesTrue = 0, review = 0, reviewTrue = 0, repeated = 0, sameSource = 0;
        foreach (var pair in pairs)
        {
            if (!seen.Add(PairKey.Of(pair.Left, pair.Right)))
            {
                repeated++;
                continue;
            }

            if (origins is not null && origins[pair.Left] == origins[pair.Right])
            {
                sameSource++;
                continue;
            }

            var same = truth[pair.Left] == truth[pair.Right] ? 1 : 0;
            if (pair.Probability >= settings.AutoMergeThreshold)
            {
                merges++;
                mergesTrue += same;
            }
            else
            {
                review++;
                reviewTrue += same;
            }
        }

        return new EdgeFigures(new PairFigures(truePairs, merges, mergesTrue), review, reviewTrue, repeated, sameSource);
    }
}
