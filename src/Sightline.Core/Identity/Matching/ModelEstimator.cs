namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Estimates a <see cref="MatchModel"/> from unlabelled records, as Splink does: u from pairs drawn at random
/// (almost all are different people); m by expectation-maximisation with u held fixed, once per blocking rule on the
/// pairs that rule finds, each time leaving out the fields its key is made of (they agree by construction there), and
/// averaged over the rules; then the prior, as the expected number of matches over all possible pairs.
/// One EM over all candidate pairs at once is not used: in data full of namesakes it converges on "same surname".
/// </summary>
internal static class ModelEstimator
{
    private const int MaxIterations = 50;
    private const double Tolerance = 1e-5;

    // Floors keep a level never seen in the sample from weighing infinitely. A level no match reached in the training
    // data (a typo where the data had none) still says "probably not", not "never": m stays above MinM.
    private const double MinProbability = 1e-6;
    private const double MinM = 1e-4;

    // A rule whose pairs hold fewer likely matches than this says too little about m to be averaged in.
    private const double MinExpectedMatches = 10;

    public static MatchModel Estimate(
        IReadOnlyList<FieldComparison> fields, IReadOnlyList<PreparedRecord> records, IReadOnlyDictionary<int, long> candidatePatterns,
        IReadOnlyList<TrainingSession> sessions, int randomPairs, int seed)
    {
        var u = EstimateU(fields, records, randomPairs, seed);
        var fallback = EstimateM(fields, u, candidatePatterns);
        var sums = fields.Select(f => new double[f.Levels.Length]).ToArray();
        var counts = new int[fields.Count];
        var iterations = fallback.Iterations;
        var trained = 0;
        foreach (var session in sessions)
        {
            var (m, prior, used) = EstimateM(fields, u, session.Patterns);
            iterations = Math.Max(iterations, used);
            if (prior * session.Patterns.Values.Sum() < MinExpectedMatches)
            {
                continue;
            }

            trained++;
            for (var f = 0; f < fields.Count; f++)
            {
                if (!session.Fixed.Contains(fields[f].Name) && session.Patterns.Keys.Any(p => PairScorer.Level(p, f) > 0))
                {
                    counts[f]++;
                    for (var l = 0; l < m[f].Length; l++)
                    {
                        sums[f][l] += m[f][l];
                    }
                }
            }
        }

        var averaged = fields.Select((_, f) => counts[f] == 0 ? fallback.M[f] : Normalize([0.0, .. sums[f][1..].Select(x => x / counts[f])]))
            .Select(m => m.Select((x, l) => l == 0 ? x : Math.Max(x, MinM)).ToArray()).ToArray();
        var candidates = candidatePatterns.Values.Sum();
        var allPairs = (double)records.Count * (records.Count - 1) / 2;
        var start = Math.Clamp(fallback.CandidatePrior * candidates / Math.Max(allPairs, 1), 1e-12, 0.5);
        return new MatchModel
        {
            Prior = GlobalPrior(fields, averaged, u, candidatePatterns, start, allPairs),
            Fields = [.. fields.Select((f, i) => new FieldParameters(f.Name, [.. f.Levels.Select((name, l) => new LevelParameters(name, averaged[i][l], u[i][l]))]))],
            Records = records.Count,
            CandidatePairs = candidates,
            Iterations = iterations,
            TrainedRules = trained,
        };
    }

    /// <summary>Per field and level, the share of random pairs at that level (the null level excluded).</summary>
    private static double[][] EstimateU(IReadOnlyList<FieldComparison> fields, IReadOnlyList<PreparedRecord> records, int randomPairs, int seed)
    {
        var n = records.Count;
        var all = (long)n * (n - 1) / 2;
        var counts = new long[fields.Count][];
        for (var f = 0; f < fields.Count; f++)
        {
            counts[f] = new long[fields[f].Levels.Length];
        }

        var gate = new object();
        var exhaustive = all <= randomPairs;
        var chunks = Math.Max(1, Environment.ProcessorCount * 4);
        Parallel.For(0, chunks, () => (Counts: fields.Select(f => new long[f.Levels.Length]).ToArray(), Random: (Random?)null), (chunk, _, local) =>
        {
            if (exhaustive)
            {
                for (var i = chunk; i < n; i += chunks)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        Count(local.Counts, PairScorer.Pattern(fields, records[i], records[j]));
                    }
                }
            }
            else
            {
                var random = new Random(seed + chunk);
                for (var s = 0; s < randomPairs / chunks; s++)
                {
                    var i = random.Next(n);
                    var j = random.Next(n - 1);
                    if (j >= i)
                    {
                        j++;
                    }

                    Count(local.Counts, PairScorer.Pattern(fields, records[i], records[j]));
                }
            }

            return local;
        }, local =>
        {
            lock (gate)
            {
                for (var f = 0; f < counts.Length; f++)
                {
                    for (var l = 0; l < counts[f].Length; l++)
                    {
                        counts[f][l] += local.Counts[f][l];
                    }
                }
            }
        });

        return [.. counts.Select(Normalize)];

        void Count(long[][] into, int pattern)
        {
            for (var f = 0; f < into.Length; f++)
            {
                into[f][PairScorer.Level(pattern, f)]++;
            }
        }
    }

    private static (double[][] M, double CandidatePrior, int Iterations) EstimateM(IReadOnlyList<FieldComparison> fields, double[][] u, IReadOnlyDictionary<int, long> patterns)
    {
        // Start from "records of one person mostly agree": most weight on exact, little on different.
        var m = fields.Select(f => Normalize([.. f.Levels.Select((_, l) => l == 0 ? 0.0 : l == 1 ? 8.0 : l == f.Levels.Length - 1 ? 0.5 : 1.0)])).ToArray();
        var prior = 0.1;
        var total = patterns.Values.Sum();
        var iterations = 0;
        while (iterations++ < MaxIterations)
        {
            var expected = fields.Select(f => new double[f.Levels.Length]).ToArray();
            var matches = 0.0;
            var priorLogit = Math.Log(prior / (1 - prior));

            // The log Bayes factor of each field and level, once per iteration rather than once per pattern.
            var bayes = m.Select((levels, f) => levels.Select((x, l) => Math.Log(x / u[f][l])).ToArray()).ToArray();
            foreach (var (pattern, count) in patterns)
            {
                var logit = priorLogit;
                for (var f = 0; f < fields.Count; f++)
                {
                    var level = PairScorer.Level(pattern, f);
                    if (level > 0)
                    {
                        logit += bayes[f][level];
                    }
                }

                var weight = count / (1 + Math.Exp(-logit));
                matches += weight;
                for (var f = 0; f < fields.Count; f++)
                {
                    expected[f][PairScorer.Level(pattern, f)] += weight;
                }
            }

            var next = expected.Select(e => Normalize([0.0, .. e[1..]])).ToArray();
            var change = next.Zip(m).Max(p => p.First.Zip(p.Second).Max(x => Math.Abs(x.First - x.Second)));
            m = next;
            prior = Math.Clamp(matches / Math.Max(total, 1), 1e-9, 1 - 1e-9);
            if (change < Tolerance)
            {
                break;
            }
        }

        return (m, prior, iterations);
    }

    /// <summary>The prior λ at which the expected number of matches among the candidates is λ times all pairs.</summary>
    private static double GlobalPrior(IReadOnlyList<FieldComparison> fields, double[][] m, double[][] u, IReadOnlyDictionary<int, long> patterns, double start, double allPairs)
    {
        var logBayes = patterns.Select(p =>
        {
            var sum = 0.0;
            for (var f = 0; f < fields.Count; f++)
            {
                var level = PairScorer.Level(p.Key, f);
                if (level > 0)
                {
                    sum += Math.Log(m[f][level] / u[f][level]);
                }
            }

            return (Log: sum, Count: p.Value);
        }).ToArray();
        var prior = start;
        for (var i = 0; i < 50; i++)
        {
            var priorLogit = Math.Log(prior / (1 - prior));
            var expected = logBayes.Sum(b => b.Count / (1 + Math.Exp(-(priorLogit + b.Log))));
            var next = Math.Clamp(expected / Math.Max(allPairs, 1), 1e-12, 0.5);
            if (Math.Abs(next - prior) < prior * 1e-4)
            {
                return next;
            }

            prior = next;
        }

        return prior;
    }

    /// <summary>Shares of the non-null levels, each at least <see cref="MinProbability"/>; the null level keeps 1 (it adds no weight).</summary>
    private static double[] Normalize(IReadOnlyList<double> counts)
    {
        var sum = counts.Skip(1).Sum();
        var shares = new double[counts.Count];
        shares[0] = 1;
        for (var l = 1; l < counts.Count; l++)
        {
            shares[l] = Math.Max(sum > 0 ? counts[l] / sum : 1.0 / (counts.Count - 1), MinProbability);
        }

        return shares;
    }

    private static double[] Normalize(long[] counts) => Normalize([.. counts.Select(c => (double)c)]);
}
