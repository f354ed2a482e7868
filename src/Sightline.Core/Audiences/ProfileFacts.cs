using System.Text.Json;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Consent;
using Sightline.Core.Segments;

namespace Sightline.Core.Audiences;

/// <summary>
/// What segments read of one live profile, held in memory so that evaluating a segment over every profile never
/// touches the store: each trait's surviving value (objects flattened to dotted names), each consent purpose's latest
/// choice, computed-trait states and the track events (the segments it is in are the engine's, a bit at
/// <see cref="Slot"/> per segment). Names are the engine's interned instances (<see cref="NameTable"/>), so traits
/// sit in one small array scanned by reference: a full evaluation reads a million of these, and one array per profile
/// costs one cache miss where a dictionary costs three.
/// </summary>
internal sealed class ProfileFacts(long id, int slot)
{
    private (string Name, TraitRank Rank)[] _ranks = [];
    private Leaf[] _leaves = [];

    public long Id => id;

    /// <summary>The profile's place in the engine's dense numbering, where its segment memberships sit (<see cref="MemberSet"/>).</summary>
    public int Slot => slot;

    public Dictionary<string, (bool Granted, long AtMs, long Sequence)> Consents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TraitState> Computed { get; } = new(StringComparer.Ordinal);

    private readonly List<EventFact> _events = [];

    /// <summary>The track events, oldest first (by their timestamp, not their arrival), so a windowed count reads only the window.</summary>
    public IReadOnlyList<EventFact> Events => _events;

    /// <summary>True when the person's latest choice for analytics is a denial.</summary>
    public bool DeniesAnalytics => Consents.TryGetValue(ConsentPurposes.Analytics, out var choice) && !choice.Granted;

    /// <summary>The value of a (possibly dotted) trait name, given as the engine's interned instance.</summary>
    public SegmentValue Value(string internedName)
    {
        foreach (var leaf in _leaves)
        {
            if (ReferenceEquals(leaf.Name, internedName))
            {
                return leaf.Value;
            }
        }

        return SegmentValue.Missing;
    }

    /// <summary>Takes <paramref name="value"/> as the trait's value unless a stronger observation already holds it.</summary>
    public void Observe(string name, JsonElement value, TraitRank rank, NameTable names)
    {
        name = names.Intern(name);
        var held = RankOf(name);
        if (held >= 0 && _ranks[held].Rank > rank)
        {
            return;
        }

        if (held >= 0 && value.ValueKind != JsonValueKind.Object && OverwriteScalar(name, SegmentValue.FromJson(value)))
        {
            _ranks[held] = (name, rank);
            return;
        }

        var leaves = new List<Leaf>();
        Flatten(name, name, value, leaves, names);
        Replace(name, rank, held, leaves);
    }

    public void Consent(string purpose, bool granted, long atMs, long sequence)
    {
        if (!Consents.TryGetValue(purpose, out var held) || (held.AtMs, held.Sequence).CompareTo((atMs, sequence)) <= 0)
        {
            Consents[purpose] = (granted, atMs, sequence);
        }
    }

    /// <summary>
    /// Takes in everything <paramref name="other"/> held, as when it merges into this profile; returns the computed
    /// traits whose state changed. Segment memberships are not taken: the merged profile is evaluated afresh.
    /// </summary>
    public List<string> Absorb(ProfileFacts other, ComputedTraitSet computed)
    {
        foreach (var (name, rank) in other._ranks)
        {
            var held = RankOf(name);
            if (held < 0 || _ranks[held].Rank < rank)
            {
                Replace(name, rank, held, [.. other._leaves.Where(l => ReferenceEquals(l.Root, name))]);
            }
        }

        foreach (var (purpose, choice) in other.Consents)
        {
            Consent(purpose, choice.Granted, choice.AtMs, choice.Sequence);
        }

        var changed = new List<string>();
        foreach (var (name, state) in other.Computed)
        {
            var trait = computed.Find(name);
            Computed[name] = Computed.TryGetValue(name, out var mine) && trait is not null && trait.IsCurrent(mine) && trait.IsCurrent(state)
                ? trait.Combine(mine, state)
                : state;
            changed.Add(name);
        }

        _events.AddRange(other._events);
        _events.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return changed;
    }

    /// <summary>Keeps <paramref name="fact"/> in timestamp order; events mostly arrive in order, so the search from the end is short.</summary>
    public void AddEvent(EventFact fact)
    {
        var at = _events.Count;
        while (at > 0 && _events[at - 1].Timestamp > fact.Timestamp)
        {
            at--;
        }

        _events.Insert(at, fact);
    }

    public void ClearEvents() => _events.Clear();

    private int RankOf(string internedName)
    {
        for (var i = 0; i < _ranks.Length; i++)
        {
            if (ReferenceEquals(_ranks[i].Name, internedName))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Overwrites in place the one leaf of a scalar trait held before, if that is what it is: a signed-in visitor
    /// re-sends their traits on every identify, and rebuilding the profile's arrays each time made most of the
    /// pipeline's garbage.
    /// </summary>
    private bool OverwriteScalar(string name, SegmentValue value)
    {
        var at = -1;
        for (var i = 0; i < _leaves.Length; i++)
        {
            if (ReferenceEquals(_leaves[i].Root, name))
            {
                if (at >= 0 || !ReferenceEquals(_leaves[i].Name, name))
                {
                    return false;
                }

                at = i;
            }
        }

        if (at < 0 || value.IsMissing)
        {
            return false;
        }

        _leaves[at] = new Leaf(name, name, value);
        return true;
    }

    private void Replace(string name, TraitRank rank, int held, List<Leaf> leaves)
    {
        if (held >= 0)
        {
            _ranks[held] = (name, rank);
        }
        else
        {
            _ranks = [.. _ranks, (name, rank)];
        }

        _leaves = [.. _leaves.Where(l => !ReferenceEquals(l.Root, name)), .. leaves];
    }

    private static void Flatten(string root, string name, JsonElement value, List<Leaf> leaves, NameTable names)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                Flatten(root, names.Intern($"{name}.{property.Name}"), property.Value, leaves, names);
            }
        }
        else if (SegmentValue.FromJson(value) is { IsMissing: false } leaf)
        {
            leaves.Add(new Leaf(root, name, leaf));
        }
    }

    /// <summary>One flattened value: <see cref="Root"/> is the trait it came from, whose rank decides it.</summary>
    private readonly record struct Leaf(string Root, string Name, SegmentValue Value);
}

/// <summary>One track event as <c>performed</c> conditions read it.</summary>
/// <remarks>
/// Held for every track event of every live profile, so kept to 24 bytes: the time as UTC ticks, and the properties
/// (only of events a filter reads, see <c>SegmentEngine.KeepProperties</c>) boxed, null for the rest.
/// </remarks>
internal readonly struct EventFact(string name, DateTimeOffset timestamp, JsonElement properties)
{
    private readonly long _utcTicks = timestamp.UtcTicks;
    private readonly object? _properties = properties.ValueKind == JsonValueKind.Undefined ? null : properties;

    public string Name { get; } = name;

    public DateTimeOffset Timestamp => new(_utcTicks, TimeSpan.Zero);

    public JsonElement Properties => _properties is JsonElement found ? found : default;
}
