namespace Sightline.Core.Identity.Matching;

/// <summary>Why two records were judged the same person (or not): the weight each field added.</summary>
/// <param name="Weight">The total match weight, log2 of the odds, prior included.</param>
/// <param name="Probability">The match probability, 0–1.</param>
/// <param name="Fields">Each compared field: the level reached and the weight it added (0 when missing on a side).</param>
public sealed record MatchEvidence(double Weight, double Probability, IReadOnlyList<FieldEvidence> Fields);

/// <summary>One field's part of the evidence.</summary>
public sealed record FieldEvidence(string Field, string Level, double Weight);
