using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Resolves a whole set of records at once: blocking, estimating the model (unless one is given), scoring every
/// candidate pair, and joining the pairs above the auto-merge threshold into clusters.
/// </summary>
public sealed class BatchMatcher(MatchSettings settings)
{
    private const int RandomPairs = 1_000_000;
    private const int Seed = 20_261_126;
    private const int PrefetchTexts = 2;
    private const int PrefetchSlots = 4;

    /// <param name="records">The records; their order defines the indices in the result.</param>
    /// <param name="model">A stored model to score with; null estimates one from the records.</param>
    /// <param name="cancellationToken">Stops the work between stages and blocks.</param>
    public BatchResult Resolve(IReadOnlyList<PersonRecord> records, MatchModel? model = null, CancellationToken cancellationToken = default)
    {
        var fields = Comparisons.Standard;
        var clock = Stopwatch.StartNew();
        var order = LocalityOrder(records, cancellationToken);

        // Records prepared in the locality order lie in memory in that order, each one's text side by side, so the
        // right-hand record of a pair, often a neighbour of records just compared, is mostly in cache: comparing the pairs
        // of 1,000,000 records took 26-33% less processor time than with the same records laid out in the input order.
        var placed = new PreparedRecord[records.Count];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, records.Count, 4_096),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                for (var k = range.Item1; k < range.Item2; k++)
                {
                    placed[k] = PreparedRecord.From(records[order[k]]);
                }
            });
        var prepared = new PreparedRecord[records.Count];
        for (var k = 0; k < order.Length; k++)
        {
            prepared[order[k]] = placed[k];
        }

        // Candidate pairs are of positions in the locality order; a pair is compared and scored with the record of the
        // lower index (in the caller's order) first, as the evidence and the term frequencies of a pair take it.
        var rules = BlockingRule.Standard;
        var (pairs, keys, _) = CandidatePairs.Generate(placed, rules, settings.MaxBlockSize, cancellationToken);
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
                    // Two pairs ahead, the other record's text; four ahead, where to find it. The left record is mostly
                    // the one just compared. Comparing pairs this way took 20-30% less processor time in a probe.
                    if (p + PrefetchSlots < range.Item2)
                    {
                        var y = (int)(uint)pairs[p + PrefetchSlots];
                        Prefetch.Element(placed, y);
                        Prefetch.Element(order, y);
                    }

                    if (p + PrefetchTexts < range.Item2)
                    {
                        placed[(int)(uint)pairs[p + PrefetchTexts]].Prefetch();
                    }

                    var (left, right) = Positions(pairs[p], order);
                    var pattern = PairScorer.Pattern(fields, placed[left], placed[right]);
                    patterns[p] = pattern;
                    CollectionsMarshal.GetValueRefOrAddDefault(local, pattern, out var _)++;
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

        // A pair's term-frequency adjustments depend on its left record only: computed once per record, by position.
        var exact = new double[placed.Length * fields.Count];
        Parallel.For(0, placed.Length, new ParallelOptions { CancellationToken = cancellationToken }, k => scorer.ExactWeights(placed[k], frequencies, exact.AsSpan(k * fields.Count, fields.Count)));

        // Most candidate pairs are strangers whose pattern cannot reach the review band with any left record: one look-up
        // each instead of weighing them (weighing them all was about a tenth of the scoring stage in a profile).
        var reaching = scorer.MayReach(counts.Keys, exact, settings.ReviewThreshold);
        var kept = new ConcurrentBag<ScoredPair[]>();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, pairs.Length, 16_384),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                var local = new List<ScoredPair>();
                for (var p = range.Item1; p < range.Item2; p++)
                {
                    if (!reaching.Contains(patterns[p]))
                    {
                        continue;
                    }

                    var (left, right) = Positions(pairs[p], order);
                    var weight = scorer.Score(patterns[p], exact.AsSpan(left * fields.Count, fields.Count));
                    var probability = PairScorer.Probability(weight);
                    if (probability >= settings.ReviewThreshold)
                    {
                        local.Add(new ScoredPair(order[left], order[right], weight, probability));
                    }
                }

                kept.Add([.. local]);
            });

        var scored = kept.SelectMany(k => k).ToArray();

        // By (left, right) as one number: no comparison delegate per step, and pairs are unique, so the order is the same.
        var sortKeys = new long[scored.Length];
        for (var i = 0; i < scored.Length; i++)
        {
            sortKeys[i] = ((long)scored[i].Left << 32) | (uint)scored[i].Right;
        }

        Array.Sort(sortKeys, scored);
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

    /// <summary>
    /// The records' positions in an order where records likely to be candidates sit together (by the sound of the surname,
    /// then the postcode), as indices into <paramref name="records"/>. The input order is often random; scoring the pairs
    /// position by position then finds more right-hand records of a pair still in cache from the pairs just before.
    /// The order changes only which pair is scored when, not any pair's result.
    /// </summary>
    private static int[] LocalityOrder(IReadOnlyList<PersonRecord> records, CancellationToken cancellationToken)
    {
        var keys = new ulong[records.Count];
        var order = new int[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (surnameSound, postcode) = PreparedRecord.LocalityFields(records[i]);
            keys[i] = (BlockingKey.Hash(surnameSound) & 0xFFFF_FFFF_0000_0000) | (BlockingKey.Hash(postcode) & 0xFFFF_FFFF);
            order[i] = i;
        });

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The pair's two positions, the record of the lower input index first.</summary>
    private static (int Left, int Right) Positions(long pair, int[] order)
    {
        var (x, y) = ((int)(pair >> 32), (int)(uint)pair);
        return order[x] < order[y] ? (x, y) : (y, x);
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
                            CollectionsMarshal.GetValueRefOrAddDefault(local[r], pattern, out var _)++;
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
