using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Profiles;

/// <summary>A probable match between two profiles, below the auto-merge threshold: a person decides.</summary>
/// <param name="Profile">The profile whose change raised the match.</param>
/// <param name="Other">The profile it probably is.</param>
/// <param name="Evidence">The match weights per field.</param>
/// <param name="Sequence">The event whose processing raised it.</param>
public sealed record MergeSuggestion(ProfileId Profile, ProfileId Other, MatchEvidence Evidence, long Sequence);
