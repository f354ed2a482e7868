using Sightline.Core.Identity;

namespace Sightline.Core.Profiles;

/// <summary>What the search index needs of a live profile: its identifiers and the history of its person traits.</summary>
public sealed record SearchableProfile(ProfileId Profile, IReadOnlyList<Identifier> Identifiers, IReadOnlyList<TraitValue> PersonTraits);
