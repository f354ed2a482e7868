using Sightline.Core.Identity;

namespace Sightline.Core.Audiences;

/// <summary>A profile entering or leaving a segment, at a moment.</summary>
public readonly record struct MembershipChange(long Segment, ProfileId Profile, bool Entered, DateTimeOffset At);
