using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Resolves a whole set of records at once: blocking, estimating the model (unless one is given), scoring every
/// candidate pair, and joining the pairs above the auto-merge threshold into clusters.
/// </summary>
public sealed class BatchMatcher(MatchSettings settings)
{
    private const int RandomPairs = 1_000_000;
    private const int Seed = 20_261_126;

    /// <param name="records">The records; their order defines the indices in the result.</param>
    /// <param name="model">A stored model to score with; null estimates one from the records.</param>
    /// <param name="cancellationToken">Stops the work between stages and blocks.</param>
    public BatchResult Resolve(IReadOnlyList<PersonRecord> records, MatchModel? model = null, CancellationToken cancellationToken = default)
    {
        var fields = Comparisons.Standard;
        var clock = Stopwatch.StartNew();
        var prepared = new PreparedRecord[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = PreparedRecord.From(records[i]));
        var rules = BlockingRule.Standard;
        var (pairs, keys, _) = CandidatePairs.Generate(prepared, rules, settings.MaxBlockSize, cancellationToken);
        var blocking = clock.Elapsed;

        clock.Restart();
        var patterns = new int[pairs.Length];
        var counts = new ConcurrentDictionary<int, long>();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, pairs.Length, 16_384),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new Dictionary<int, long>(),
            (range, _, local) =>
            {
                for (var p = range.Item1; p < range.Item2; p++)
                {
                    var pattern = PairScorer.Pattern(fields, prepared[(int)(pairs[p] >> 32)], prepared[(int)(uint)pairs[p]]);
                    patterns[p] = pattern;
                    local[pattern] = local.GetValueOrDefault(pattern) + 1;
                }

                return local;
            },
            local =>
            {
                foreach (var (pattern, count) in local)
                {
                    counts.AddOrUpdate(pattern, count, (_, c) => c + count);
                }
            });
        var comparing = clock.Elapsed;

        clock.Restart();
        model ??= ModelEstimator.Estimate(fields, prepared, counts, Sessions(fields, rules, pairs, patterns, keys, cancellationToken), RandomPairs, Seed);
        var training = clock.Elapsed;

        clock.Restart();
        var scorer = new PairScorer(model, fields);
        var frequencies = TermFrequencies.Of(fields, prepared);
        var kept = new ConcurrentBag<(int Start, ScoredPair[] Pairs)>();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, pairs.Length, 16_384),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                var local = new List<ScoredPair>();
                Span<double> exact = stackalloc double[fields.Count];
                var exactOf = -1;
                for (var p = range.Item1; p < range.Item2; p++)
                {
                    var (left, right) = ((int)(pairs[p] >> 32), (int)(uint)pairs[p]);
                    if (left != exactOf)
                    {
                        // The pairs are sorted by left record: its term-adjusted weights serve its run of pairs.
                        scorer.ExactWeights(prepared[left], frequencies, exact);
                        exactOf = left;
                    }

                    var weight = scorer.Score(patterns[p], exact);
                    var probability = PairScorer.Probability(weight);
                    if (probability >= settings.ReviewThreshold)
                    {
                        local.Add(new ScoredPair(left, right, weight, probability));
                    }
                }

                kept.Add((range.Item1, [.. local]));
            });

        // Each range kept its pairs in the sorted order of the candidates, so ordering the ranges orders them all.
        var scored = kept.OrderBy(k => k.Start).SelectMany(k => k.Pairs).ToArray();
        var clusters = new UnionFind(records.Count);
        foreach (var pair in scored.Where(p => p.Probability >= settings.AutoMergeThreshold))
        {
            clusters.Union(pair.Left, pair.Right);
        }

        return new BatchResult
        {
            Model = model,
            Pairs = scored,
            Clusters = clusters.Labels(),
            Comparisons = pairs.Length,
            BlockingTime = blocking,
            TrainingTime = training,
            ScoringTime = comparing + clock.Elapsed,
        };
    }

    /// <summary>For each blocking rule, the patterns of every candidate pair its key joins, with the fields of its key masked out.</summary>
    private static List<TrainingSession> Sessions(IReadOnlyList<FieldComparison> fields, IReadOnlyList<BlockingRule> rules, long[] pairs, int[] patterns, ulong[] keys, CancellationToken cancellationToken)
    {
        var masks = rules.Select(r => ~fields.Select((f, i) => r.Fields.Contains(f.Name) ? ((1 << Comparisons.BitsPerField) - 1) << (i * Comparisons.BitsPerField) : 0).Aggregate(0, (a, b) => a | b)).ToArray();
        var counts = rules.Select(_ => new ConcurrentDictionary<int, long>()).ToArray();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, pairs.Length, 16_384),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => rules.Select(_ => new Dictionary<int, long>()).ToArray(),
            (range, _, local) =>
            {
                for (var p = range.Item1; p < range.Item2; p++)
                {
                    var left = keys.AsSpan((int)(pairs[p] >> 32) * rules.Count, rules.Count);
                    var right = keys.AsSpan((int)(uint)pairs[p] * rules.Count, rules.Count);
                    for (var r = 0; r < left.Length; r++)
                    {
                        if (left[r] != 0 && left[r] == right[r])
                        {
                            var pattern = patterns[p] & masks[r];
                            local[r][pattern] = local[r].GetValueOrDefault(pattern) + 1;
                        }
                    }
                }

                return local;
            },
            local =>
            {
                for (var r = 0; r < local.Length; r++)
                {
                    foreach (var (pattern, count) in local[r])
                    {
                        counts[r].AddOrUpdate(pattern, count, (_, c) => c + count);
                    }
                }
            });
        return [.. rules.Select((r, i) => new TrainingSession(r.Name, r.Fields.ToHashSet(), counts[i]))];
    }
}
