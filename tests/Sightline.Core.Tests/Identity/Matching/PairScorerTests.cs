using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class PairScorerTests
{
    [Fact]
    public void No_pair_reaches_a_probability_its_pattern_is_said_not_to_reach()
    {
        var fields = Comparisons.Standard;
        var scorer = new PairScorer(StarterModel.Value, fields);
        var random = new Random(11);
        var patterns = Enumerable.Range(0, 5_000)
            .Select(_ => fields.Select((f, i) => random.Next(f.Levels.Length) << (i * Comparisons.BitsPerField)).Aggregate(0, (a, b) => a | b))
            .Distinct()
            .ToList();

        // Left records' exact-match weights: common values (low or negative), rare ones (high), and none (NaN).
        const int Records = 200;
        var exact = new double[Records * fields.Count];
        for (var i = 0; i < exact.Length; i++)
        {
            exact[i] = random.Next(4) == 0 ? double.NaN : (random.NextDouble() * 24) - 4;
        }

        foreach (var probability in new[] { 0.5, 0.8, 0.99 })
        {
            var reaching = scorer.MayReach(patterns, exact, probability);
            var reached = patterns.Where(p => Enumerable.Range(0, Records).Any(r => PairScorer.Probability(scorer.Score(p, exact.AsSpan(r * fields.Count, fields.Count))) >= probability)).ToList();

            reached.ShouldBeSubsetOf(reaching);
            reaching.Count.ShouldBeLessThan(patterns.Count);
            reached.Count.ShouldBeGreaterThan(0);
        }
    }
}
