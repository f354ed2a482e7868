using System.Text.Json.Serialization;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Fellegi-Sunter parameters estimated from the data: the prior and, for each field and level, m (how often
/// records of the same person reach that level) and u (how often records of different people do).
/// </summary>
public sealed record MatchModel
{
    /// <summary>The probability that two records drawn at random are the same person.</summary>
    public required double Prior { get; init; }

    public required IReadOnlyList<FieldParameters> Fields { get; init; }

    /// <summary>How many records it was estimated from.</summary>
    public long Records { get; init; }

    /// <summary>How many candidate pairs the m probabilities were estimated on.</summary>
    public long CandidatePairs { get; init; }

    /// <summary>How many EM iterations ran before the m probabilities settled.</summary>
    public int Iterations { get; init; }

    /// <summary>
    /// How many blocking rules found enough likely matches among their pairs to estimate m from. Zero means the
    /// records held (almost) no duplicates, and the m probabilities say nothing.
    /// </summary>
    public int TrainedRules { get; init; }
}

/// <summary>One field's levels with their m and u probabilities.</summary>
public sealed record FieldParameters(string Name, IReadOnlyList<LevelParameters> Levels);

/// <summary>A level's probabilities; its weight is log2(m / u).</summary>
public sealed record LevelParameters(string Name, double M, double U)
{
    [JsonIgnore]
    public double Weight => Math.Log2(M / U);
}
