using Sightline.Core.Segments;

namespace Sightline.Core.Audiences;

/// <summary>What a segment can read of a profile, by kind and name: a trait (its top-level name), a computed trait, an event name, a consent purpose.</summary>
internal enum FactKind : byte
{
    Trait,
    Computed,
    Event,
    Consent,
}

/// <summary>One thing a segment reads, or a change touched.</summary>
internal readonly record struct FactKey(FactKind Kind, string Name)
{
    /// <summary>Everything <paramref name="dependencies"/> says a segment reads.</summary>
    public static HashSet<FactKey> Of(SegmentDependencies dependencies)
    {
        var keys = new HashSet<FactKey>();
        foreach (var name in dependencies.Traits.Concat(dependencies.ComputedTraits))
        {
            // A change is known by the top-level trait it came in (an "address" object sets "address.city"), and a
            // name compiled without the catalog may be either kind.
            keys.Add(new(FactKind.Trait, name));
            keys.Add(new(FactKind.Trait, name.Split('.')[0]));
            keys.Add(new(FactKind.Computed, name));
        }

        keys.UnionWith(dependencies.Events.Select(e => new FactKey(FactKind.Event, e)));
        keys.UnionWith(dependencies.ConsentPurposes.Select(p => new FactKey(FactKind.Consent, p)));
        return keys;
    }
}

/// <summary>
/// What changed of one profile since its segments were last decided, so that an event decides again only the segments
/// that read what it changed; <see cref="All"/> when anything may have (a new profile, a merge, facts reloaded).
/// </summary>
internal sealed class ProfileTouch
{
    private readonly HashSet<FactKey> _keys = [];

    public bool All { get; private set; }

    public void Add(FactKey key)
    {
        if (!All)
        {
            _keys.Add(key);
        }
    }

    public void Everything()
    {
        All = true;
        _keys.Clear();
    }

    /// <summary>True when a segment reading <paramref name="reads"/> may decide differently.</summary>
    public bool Affects(HashSet<FactKey> reads)
    {
        if (All)
        {
            return true;
        }

        foreach (var key in _keys)
        {
            if (reads.Contains(key))
            {
                return true;
            }
        }

        return false;
    }
}
