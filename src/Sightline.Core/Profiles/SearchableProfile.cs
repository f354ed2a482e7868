using Sightline.Core.Identity;

namespace Sightline.Core.Profiles;

/// <summary>What the search index needs of a live profile: its identifiers and, of its person traits, the latest value from each source (all that survivorship ranks).</summary>
public sealed record SearchableProfile(ProfileId Profile, IReadOnlyList<Identifier> Identifiers, IReadOnlyList<TraitValue> PersonTraits);
