using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Profiles;

/// <summary>
/// A person's approval of a suggested match. Like an unmerge, it is a decision, not derived state: it is kept
/// beside the log, and a rebuild applies it right after the event that raised the suggestion.
/// </summary>
public sealed record ApprovedMatch(long Id, ProfileId Profile, ProfileId Other, long AfterSequence, MatchEvidence Evidence);
