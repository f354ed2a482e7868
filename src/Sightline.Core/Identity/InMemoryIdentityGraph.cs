namespace Sightline.Core.Identity;

/// <summary>The identity graph in memory: what the pipeline resolves against, kept in step with the store.</summary>
public sealed class InMemoryIdentityGraph : IIdentityGraph
{
    private readonly Dictionary<Identifier, List<ProfileId>> _holders = [];
    private readonly Dictionary<ProfileId, HashSet<Identifier>> _identifiers = [];
    private readonly Dictionary<ProfileId, ProfileId> _mergedInto = [];

    public int ProfileCount => _identifiers.Count;

    public IReadOnlyList<ProfileId> ProfilesOf(Identifier identifier) =>
        _holders.TryGetValue(identifier, out var holders) ? holders : [];

    public IReadOnlyCollection<Identifier> IdentifiersOf(ProfileId profile) =>
        _identifiers.TryGetValue(profile, out var identifiers) ? identifiers : [];

    public ProfileId Create(long sequence)
    {
        var profile = new ProfileId(sequence);
        if (!_identifiers.TryAdd(profile, []))
        {
            throw new InvalidOperationException($"Profile {profile} exists already.");
        }

        return profile;
    }

    public void Link(Identifier identifier, ProfileId profile)
    {
        if (_identifiers[profile].Add(identifier))
        {
            if (!_holders.TryGetValue(identifier, out var holders))
            {
                _holders[identifier] = holders = [];
            }

            holders.Add(profile);
        }
    }

    /// <summary>The live profile <paramref name="profile"/> now belongs to: itself, or the one it was merged into.</summary>
    public ProfileId Canonical(ProfileId profile)
    {
        while (_mergedInto.TryGetValue(profile, out var into))
        {
            profile = into;
        }

        return profile;
    }

    /// <summary>Records, when loading the graph, that <paramref name="from"/> was merged into <paramref name="into"/>.</summary>
    public void Retire(ProfileId from, ProfileId into) => _mergedInto[from] = into;

    public void Merge(ProfileId from, ProfileId into)
    {
        var moving = _identifiers[from];
        _identifiers.Remove(from);
        _mergedInto[from] = into;
        foreach (var identifier in moving)
        {
            var holders = _holders[identifier];
            holders.Remove(from);
            if (!holders.Contains(into))
            {
                holders.Add(into);
                _identifiers[into].Add(identifier);
            }
        }
    }
}
