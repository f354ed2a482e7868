using Sightline.Core.Identity;

namespace Sightline.Core.Consent;

/// <summary>One choice seen in the log: a purpose granted or denied by the profile's person, at an event.</summary>
public sealed record ConsentObservation(ProfileId Profile, string Purpose, bool Granted, long Sequence, DateTimeOffset ObservedAt);

/// <summary>A stored choice with where it came from: the source, the message and, when one was given, the evidence.</summary>
public sealed record ConsentRecord(string Purpose, bool Granted, string Source, string MessageId, DateTimeOffset ObservedAt, long Sequence, string? Evidence);
