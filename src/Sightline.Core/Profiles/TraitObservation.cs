using Sightline.Core.Identity;

namespace Sightline.Core.Profiles;

/// <summary>One trait value as one event reported it (from source <paramref name="Source"/>, by name): the unit of provenance.</summary>
public sealed record TraitObservation(ProfileId Profile, string Name, string Json, long Sequence, DateTimeOffset ObservedAt, string Source);
