namespace Sightline.Core.Identity.Matching;

/// <summary>Two records (by index) and how likely they are the same person.</summary>
/// <param name="Left">Index of the first record (the lower one).</param>
/// <param name="Right">Index of the second record.</param>
/// <param name="Weight">The match weight: log2 of the odds that they match.</param>
/// <param name="Probability">The match probability, 0–1.</param>
public readonly record struct ScoredPair(int Left, int Right, double Weight, double Probability);
