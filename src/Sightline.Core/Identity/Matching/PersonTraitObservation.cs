namespace Sightline.Core.Identity.Matching;

/// <summary>One person-data trait as one event reported it.</summary>
/// <param name="Profile">The live profile the event belongs to.</param>
/// <param name="Sequence">The event's position in the log: the source record.</param>
/// <param name="Name">The trait's name.</param>
/// <param name="Json">The trait's value as JSON.</param>
public sealed record PersonTraitObservation(ProfileId Profile, long Sequence, string Name, string Json);
