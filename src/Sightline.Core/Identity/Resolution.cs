using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Identity;

/// <summary>What resolving one message did: the profile it belongs to and every change, with its reason.</summary>
public sealed record Resolution
{
    public required ProfileId Profile { get; init; }

    public required bool Created { get; init; }

    public required IReadOnlyList<Identifier> Linked { get; init; }

    public required IReadOnlyList<ProfileMerge> Merges { get; init; }

    public required IReadOnlyList<BlockedMerge> Blocked { get; init; }
}

/// <summary>
/// A merge and its evidence: the identifier both profiles shared, or, for a probabilistic match
/// (<see cref="MatchVia"/>), the weight of each compared field.
/// </summary>
public sealed record ProfileMerge(ProfileId From, ProfileId Into, Identifier Via, MatchEvidence? Evidence = null);

/// <summary>A merge the rules refused: the identifier left out of the link (or the match), and why.</summary>
public sealed record BlockedMerge(ProfileId Profile, ProfileId Other, Identifier Via, string Reason, MatchEvidence? Evidence = null);

/// <summary>What a merge without a shared identifier names as its "via".</summary>
public static class MatchVia
{
    /// <summary>Merged automatically: the match probability reached the auto-merge threshold.</summary>
    public static readonly Identifier Probabilistic = new("match", "probabilistic");

    /// <summary>Merged because a person approved a suggested match.</summary>
    public static readonly Identifier Approved = new("match", "approved");
}
