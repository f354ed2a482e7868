namespace Sightline.Core.Identity.Matching;

/// <summary>The matcher's thresholds and limits, in match probability (0–1).</summary>
public sealed record MatchSettings
{
    /// <summary>At or above this probability two records merge without review. Default 0.99.</summary>
    public double AutoMergeThreshold { get; init; } = 0.99;

    /// <summary>At or above this probability (and below <see cref="AutoMergeThreshold"/>) a pair becomes a suggestion for review. Default 0.80.</summary>
    public double ReviewThreshold { get; init; } = 0.80;

    /// <summary>
    /// Blocks with more records than this are not compared pairwise (a very common name and no other key in
    /// common): they would cost more than they find, and their duplicates share some narrower key. Default 300.
    /// </summary>
    public int MaxBlockSize { get; init; } = 300;

    /// <summary>
    /// In real time, the most candidates one changed profile is compared with, smallest blocks (the most specific
    /// keys: an e-mail, a phone, a name with a birth date) first. A batch resolve has no such budget. Default 50.
    /// </summary>
    public int MaxComparisonsPerRecord { get; init; } = 50;
}
