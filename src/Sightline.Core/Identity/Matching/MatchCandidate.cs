namespace Sightline.Core.Identity.Matching;

/// <summary>A profile that may be the same person as the one matched, with the evidence.</summary>
public sealed record MatchCandidate(ProfileId Profile, MatchEvidence Evidence);
