using System.Runtime.InteropServices;

namespace Sightline.Matching.Scoring;

/// <summary>
/// Pair counts from group sizes instead of enumerating pairs: a group of n records holds n·(n−1)/2 pairs, and for
/// linkage the pairs inside one source are subtracted the same way. O(records), so a giant predicted cluster costs no
/// more than a small one.
/// </summary>
internal static class Contingency
{
    public static PairFigures Pairwise(int[] predicted, int[] truth, int[]? origins)
    {
        var truePairs = Pairs(truth.Length, i => truth[i], origins);
        var predictedPairs = Pairs(predicted.Length, i => predicted[i], origins);
        var both = Pairs(truth.Length, i => Cell(predicted[i], truth[i]), origins);
        return new PairFigures(truePairs, predictedPairs, both);
    }

    /// <summary>True pairs alone (cross-source for linkage), to check a loader against SOURCES.md.</summary>
    public static long TruePairs(int[] truth, int[]? origins) => Pairs(truth.Length, i => truth[i], origins);

    public static BCubedFigures BCubed(int[] predicted, int[] truth)
    {
        var predictedSizes = Sizes(predicted.Length, i => predicted[i]);
        var trueSizes = Sizes(truth.Length, i => truth[i]);
        var cells = new Dictionary<long, (long Count, int Predicted, int Truth)>();
        for (var i = 0; i < truth.Length; i++)
        {
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, Cell(predicted[i], truth[i]), out _);
            cell = (cell.Count + 1, predicted[i], truth[i]);
        }

        // Each of the n records of a cell scores n / |its cluster| and n / |its entity|.
        double precision = 0, recall = 0;
        foreach (var (count, cluster, entity) in cells.Values)
        {
            precision += (double)count * count / predictedSizes[cluster];
            recall += (double)count * count / trueSizes[entity];
        }

        return truth.Length == 0 ? new BCubedFigures(1, 1) : new BCubedFigures(precision / truth.Length, recall / truth.Length);
    }

    /// <summary>Distinct labels: predicted clusters or true entities.</summary>
    public static int Groups(int[] labels) => labels.Distinct().Count();

    private static long Cell(int predicted, int truth) => ((long)predicted << 32) | (uint)truth;

    private static long Pairs(int count, Func<int, long> group, int[]? origins)
    {
        long pairs = 0;
        foreach (var size in Sizes(count, group).Values)
        {
            pairs += size * (size - 1) / 2;
        }

        if (origins is not null)
        {
            foreach (var size in Sizes(count, i => (group(i), origins[i])).Values)
            {
                pairs -= size * (size - 1) / 2;
            }
        }

        return pairs;
    }

    private static Dictionary<TKey, long> Sizes<TKey>(int count, Func<int, TKey> group)
        where TKey : notnull
    {
        var sizes = new Dictionary<TKey, long>();
        for (var i = 0; i < count; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(sizes, group(i), out _)++;
        }

        return sizes;
    }
}
