namespace Sightline.Core.Identity;

/// <summary>Which profiles hold which identifiers; the resolver reads and changes it.</summary>
public interface IIdentityGraph
{
    /// <summary>The live profiles an identifier is linked to, in the order they were linked.</summary>
    IReadOnlyList<ProfileId> ProfilesOf(Identifier identifier);

    /// <summary>Every identifier a live profile holds.</summary>
    IReadOnlyCollection<Identifier> IdentifiersOf(ProfileId profile);

    /// <summary>Creates a profile whose id is the sequence number of the event that caused it.</summary>
    ProfileId Create(long sequence);

    void Link(Identifier identifier, ProfileId profile);

    /// <summary>Moves everything <paramref name="from"/> holds to <paramref name="into"/>; <paramref name="from"/> stops being live.</summary>
    void Merge(ProfileId from, ProfileId into);
}
