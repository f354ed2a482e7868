using System.Collections.Frozen;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Scores pairs of prepared records with a model: comparison levels, weights per field, term-frequency adjustment
/// of exact matches, and the household rule: when the given names are no closer than "similar" or the birth dates differ
/// (and no personal document number is the same), the two may be members of one household (siblings, twins, a parent and
/// a child of the same name), so of the fields a household shares only the strongest agreement counts.
/// </summary>
internal sealed class PairScorer
{
    private readonly IReadOnlyList<FieldComparison> _fields;
    private readonly double[][] _weights;
    private readonly double[] _exactM;
    private readonly double _priorWeight;
    private readonly int[] _personal;
    private readonly int _document;

    public PairScorer(MatchModel model, IReadOnlyList<FieldComparison> fields)
    {
        _fields = fields;
        _weights = [.. fields.Select(f => model.Fields.Single(p => p.Name == f.Name).Levels.Select((l, i) => i == 0 ? 0 : l.Weight).ToArray())];
        _exactM = [.. fields.Select(f => model.Fields.Single(p => p.Name == f.Name).Levels[1].M)];
        _priorWeight = Math.Log2(model.Prior / (1 - model.Prior));
        _personal = [.. fields.Select((f, i) => (f, i)).Where(x => x.f.Name is "given_name" or "birth_date").Select(x => x.i)];
        _document = fields.Select(f => f.Name).ToList().IndexOf("document_id");
    }

    public static int Pattern(IReadOnlyList<FieldComparison> fields, PreparedRecord a, PreparedRecord b)
    {
        var pattern = 0;
        for (var f = 0; f < fields.Count; f++)
        {
            pattern |= fields[f].Compare(a, b) << (f * Comparisons.BitsPerField);
        }

        return pattern;
    }

    public static int Level(int pattern, int field) => (pattern >> (field * Comparisons.BitsPerField)) & ((1 << Comparisons.BitsPerField) - 1);

    /// <summary>The pair's match weight (log2 odds): prior (moved by <paramref name="priorShift"/> bits), fields, term frequencies, household rule.</summary>
    public double Score(PreparedRecord a, PreparedRecord b, TermFrequencies? frequencies, double priorShift = 0) => Score(Pattern(_fields, a, b), a, frequencies) + priorShift;

    /// <summary>The weight of a pair whose comparison pattern is known already.</summary>
    public double Score(int pattern, PreparedRecord a, TermFrequencies? frequencies)
    {
        Span<double> exact = stackalloc double[_fields.Count];
        ExactWeights(a, frequencies, exact);
        return Score(pattern, exact);
    }

    /// <summary>The weight of a pair whose pattern is known, with the left record's <see cref="ExactWeights"/> computed already.</summary>
    public double Score(int pattern, ReadOnlySpan<double> exact)
    {
        Span<double> weights = stackalloc double[_fields.Count];
        FieldWeights(pattern, exact, weights);
        return _priorWeight + Counted(pattern, weights);
    }

    public MatchEvidence Explain(PreparedRecord a, PreparedRecord b, TermFrequencies? frequencies, double priorShift = 0)
    {
        var pattern = Pattern(_fields, a, b);
        Span<double> exact = stackalloc double[_fields.Count];
        ExactWeights(a, frequencies, exact);
        Span<double> weights = stackalloc double[_fields.Count];
        FieldWeights(pattern, exact, weights);
        var total = _priorWeight + priorShift + Counted(pattern, weights);
        var fields = new List<FieldEvidence>(_fields.Count);
        for (var f = 0; f < _fields.Count; f++)
        {
            fields.Add(new FieldEvidence(_fields[f].Name, _fields[f].Levels[Level(pattern, f)], Math.Round(weights[f], 3)));
        }

        return new MatchEvidence(Math.Round(total, 3), Probability(total), fields);
    }

    /// <summary>
    /// Per field, the weight an exact match with <paramref name="a"/> has after the term-frequency adjustment: log2(m / tf),
    /// where tf is the share of records holding a's value, so two "García" agree less than two "Zubizarreta"; NaN where no
    /// adjustment applies (the field has no terms, a has no value, or its frequency is unknown). It depends on the left
    /// record only, so a batch computes it once per left record rather than once per pair.
    /// </summary>
    public void ExactWeights(PreparedRecord a, TermFrequencies? frequencies, Span<double> exact)
    {
        for (var f = 0; f < _fields.Count; f++)
        {
            exact[f] = frequencies is not null && _fields[f].Term is { } term && term(a) is { IsNull: false } value && frequencies.Frequency(f, value.Span) is { } frequency
                ? Math.Log2(_exactM[f] / frequency)
                : double.NaN;
        }
    }

    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>
    /// Of <paramref name="patterns"/>, those whose pairs may reach <paramref name="probability"/> with some left record of
    /// <paramref name="exactWeights"/> (the <see cref="ExactWeights"/> of each, one after the other); a pair of any other
    /// pattern is certain to score below it.
    /// </summary>
    /// <remarks>
    /// A pattern's ceiling is its weight with each term-adjusted exact match at the largest any record gives it. The weight
    /// never falls when a field's weight rises (a sum; under the household rule, the rise goes to the strongest agreement
    /// or moves a disagreement out of the sum), and rounded addition keeps that order, so no pair of a pattern weighs more
    /// than its ceiling. The margin only makes sure of it where the probability's rounding could decide.
    /// </remarks>
    public FrozenSet<int> MayReach(IEnumerable<int> patterns, ReadOnlySpan<double> exactWeights, double probability)
    {
        Span<double> largest = stackalloc double[_fields.Count];
        for (var f = 0; f < _fields.Count; f++)
        {
            largest[f] = _weights[f].Length > 1 ? _weights[f][1] : double.NaN;
        }

        for (var i = 0; i < exactWeights.Length; i++)
        {
            ref var field = ref largest[i % _fields.Count];
            if (exactWeights[i] > field)
            {
                field = exactWeights[i];
            }
        }

        const double Margin = 1e-6;
        var reaching = new HashSet<int>();
        foreach (var pattern in patterns)
        {
            if (Probability(Score(pattern, largest) + Margin) >= probability)
            {
                reaching.Add(pattern);
            }
        }

        return reaching.ToFrozenSet();
    }

    /// <summary>Each field's weight, log2(m / u) at its level, or the term-adjusted weight of an exact match where there is one.</summary>
    private void FieldWeights(int pattern, ReadOnlySpan<double> exact, Span<double> weights)
    {
        for (var f = 0; f < _fields.Count; f++)
        {
            var level = Level(pattern, f);
            weights[f] = level == 1 && !double.IsNaN(exact[f]) ? exact[f] : _weights[f][level];
        }
    }

    /// <summary>
    /// The sum that counts. Under the household rule, household fields add their disagreements but only their
    /// strongest agreement; the rest of their agreement is zeroed.
    /// </summary>
    private double Counted(int pattern, Span<double> weights)
    {
        var household = false;
        foreach (var f in _personal)
        {
            // For given names, "similar" (Linda and Sandra) is already too far: a twin, not a typo.
            household |= Level(pattern, f) >= _fields[f].Levels.Length - (_fields[f].Name == "given_name" ? 2 : 1);
        }

        if (!household || (_document >= 0 && Level(pattern, _document) == 1))
        {
            var sum = 0.0;
            foreach (var weight in weights)
            {
                sum += weight;
            }

            return sum;
        }

        var total = 0.0;
        var strongest = -1;
        for (var f = 0; f < _fields.Count; f++)
        {
            if (!_fields[f].Household || weights[f] <= 0)
            {
                total += weights[f];
            }
            else if (strongest < 0 || weights[f] > weights[strongest])
            {
                if (strongest >= 0)
                {
                    weights[strongest] = 0;
                }

                strongest = f;
            }
            else
            {
                weights[f] = 0;
            }
        }

        return strongest >= 0 ? total + weights[strongest] : total;
    }
}
