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

/// <summary>A merge and its evidence: the identifier both profiles shared.</summary>
public sealed record ProfileMerge(ProfileId From, ProfileId Into, Identifier Via);

/// <summary>A merge the rules refused: the identifier left out of the link, and why.</summary>
public sealed record BlockedMerge(ProfileId Profile, ProfileId Other, Identifier Via, string Reason);
