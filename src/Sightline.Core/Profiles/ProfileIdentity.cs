using Sightline.Core.Identity;

namespace Sightline.Core.Profiles;

/// <summary>An identifier a profile holds, with the event and source it first came from.</summary>
public sealed record ProfileIdentity(Identifier Identifier, long Sequence, string Source, DateTimeOffset FirstSeen);
