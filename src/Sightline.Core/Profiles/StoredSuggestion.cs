using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Profiles;

/// <summary>A suggestion as stored, with the live profiles its two sides now belong to.</summary>
public sealed record StoredSuggestion(long Id, ProfileId Profile, ProfileId Other, ProfileId LiveProfile, ProfileId LiveOther, MatchEvidence Evidence, long Sequence, string Status, DateTimeOffset? DecidedAt);
