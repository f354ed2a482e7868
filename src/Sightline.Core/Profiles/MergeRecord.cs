using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Profiles;

/// <summary>A merge or a blocked merge as stored, with its evidence and the event that caused it.</summary>
public sealed record MergeRecord(ProfileId From, ProfileId Into, Identifier Via, long Sequence, bool Blocked, string? Reason, MatchEvidence? Evidence = null);
