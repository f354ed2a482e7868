using Sightline.Core.Identity.Matching;
using Sightline.Matching.Datasets;
using Sightline.Matching.Resolving;
using Sightline.Matching.Text;

namespace Sightline.Matching.Scoring;

/// <summary>
/// Finds the wrong pairs of a resolution. Missed pairs are enumerated entity by entity, which is cheap because true
/// entities are small in every data set here; wrongly joined pairs are taken from the auto-merge edges and, for
/// chains, sampled per mixed cluster rather than enumerated, since a runaway cluster can hold millions of pairs.
/// </summary>
internal static class ErrorAnalysis
{
    public static ErrorReport Find(LabeledDataset data, Resolution resolution, MatchSettings settings, int samples, int seed)
    {
        var random = new Random(seed);
        var clusters = resolution.Clusters;
        var truth = data.Truth;
        var scores = new Dictionary<long, ScoredPair>(resolution.Pairs.Count);
        foreach (var pair in resolution.Pairs)
        {
            scores.TryAdd(PairKey.Of(pair.Left, pair.Right), pair);
        }

        var missed = new Reservoir<PairError>(samples, random);
        var missedFields = new FieldTally(data.Records);
        long missedCount = 0, inReview = 0, atAutoMerge = 0, unscored = 0;
        foreach (var entity in Members(truth))
        {
            for (var a = 0; a < entity.Count; a++)
            {
                for (var b = a + 1; b < entity.Count; b++)
                {
                    int left = entity[a], right = entity[b];
                    if (clusters[left] == clusters[right] || SameSource(data, left, right))
                    {
                        continue;
                    }

                    missedCount++;
                    missedFields.Add(left, right);
                    ScoredPair? score = scores.TryGetValue(PairKey.Of(left, right), out var found) ? found : null;
                    if (score is null)
                    {
                        unscored++;
                    }
                    else if (score.Value.Probability >= settings.AutoMergeThreshold)
                    {
                        atAutoMerge++;
                    }
                    else
                    {
                        inReview++;
                    }

                    missed.Offer(new PairError(left, right, score));
                }
            }
        }

        var wrongEdges = new Reservoir<PairError>(samples, random);
        var wrongFields = new FieldTally(data.Records);
        long wrongCount = 0;
        foreach (var pair in scores.Values)
        {
            if (pair.Probability >= settings.AutoMergeThreshold && truth[pair.Left] != truth[pair.Right] && !SameSource(data, pair.Left, pair.Right))
            {
                wrongCount++;
                wrongFields.Add(pair.Left, pair.Right);
                wrongEdges.Offer(new PairError(pair.Left, pair.Right, pair));
            }
        }

        return new ErrorReport
        {
            Missed = missedCount,
            MissedInReview = inReview,
            MissedAtAutoMerge = atAutoMerge,
            MissedUnscored = unscored,
            MissedFields = missedFields.Figures(),
            MissedSamples = missed.Items,
            WrongEdges = wrongCount,
            WrongEdgeFields = wrongFields.Figures(),
            WrongEdgeSamples = wrongEdges.Items,
            ChainedSamples = Chained(data, clusters, scores, samples, random),
        };
    }

    /// <summary>One pair per sampled mixed cluster whose records are of different entities and were not merged directly.</summary>
    private static List<PairError> Chained(LabeledDataset data, int[] clusters, Dictionary<long, ScoredPair> scores, int samples, Random random)
    {
        var mixed = new Reservoir<List<int>>(samples, random);
        foreach (var cluster in Members(clusters))
        {
            if (cluster.Exists(i => data.Truth[i] != data.Truth[cluster[0]]))
            {
                mixed.Offer(cluster);
            }
        }

        var found = new List<PairError>();
        foreach (var cluster in mixed.Items)
        {
            // Random probes rather than a full scan: a runaway cluster is exactly the case where a scan is quadratic.
            for (var attempt = 0; attempt < 200; attempt++)
            {
                int left = cluster[random.Next(cluster.Count)], right = cluster[random.Next(cluster.Count)];
                if (data.Truth[left] != data.Truth[right] && !SameSource(data, left, right) && !scores.ContainsKey(PairKey.Of(left, right)))
                {
                    found.Add(new PairError(Math.Min(left, right), Math.Max(left, right), null));
                    break;
                }
            }
        }

        return found;
    }

    private static bool SameSource(LabeledDataset data, int left, int right) =>
        data.Origins is { } origins && origins[left] == origins[right];

    private static IEnumerable<List<int>> Members(int[] labels)
    {
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!groups.TryGetValue(labels[i], out var members))
            {
                groups.Add(labels[i], members = []);
            }

            members.Add(i);
        }

        return groups.Values.Where(g => g.Count > 1);
    }

    private sealed class FieldTally(IReadOnlyList<PersonRecord> records)
    {
        private readonly long[] agree = new long[PersonFields.All.Count];
        private readonly long[] differ = new long[PersonFields.All.Count];
        private readonly long[] missing = new long[PersonFields.All.Count];

        public void Add(int left, int right)
        {
            for (var f = 0; f < PersonFields.All.Count; f++)
            {
                var value = PersonFields.All[f].Value;
                var (a, b) = (Folding.Fold(value(records[left])), Folding.Fold(value(records[right])));
                if (a is null || b is null)
                {
                    missing[f]++;
                }
                else if (string.Equals(a, b, StringComparison.Ordinal))
                {
                    agree[f]++;
                }
                else
                {
                    differ[f]++;
                }
            }
        }

        public List<FieldAgreement> Figures() =>
            [.. PersonFields.All.Select((field, f) => new FieldAgreement(field.Name, agree[f], differ[f], missing[f]))];
    }
}
