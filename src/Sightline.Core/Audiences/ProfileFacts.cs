using System.Text.Json;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Consent;
using Sightline.Core.Segments;

namespace Sightline.Core.Audiences;

/// <summary>
/// What segments read of one live profile, held in memory so that evaluating a segment over every profile never
/// touches the store: each trait's surviving value (objects flattened to dotted names), each consent purpose's latest
/// choice, computed-trait states, the track events and the segments the profile is in.
/// </summary>
internal sealed class ProfileFacts
{
    private readonly Dictionary<string, (TraitRank Rank, KeyValuePair<string, SegmentValue>[] Leaves)> _traits = new(StringComparer.Ordinal);

    public Dictionary<string, SegmentValue> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (bool Granted, long AtMs, long Sequence)> Consents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TraitState> Computed { get; } = new(StringComparer.Ordinal);

    public List<EventFact> Events { get; } = [];

    public HashSet<long> Segments { get; } = [];

    /// <summary>True when the person's latest choice for analytics is a denial.</summary>
    public bool DeniesAnalytics => Consents.TryGetValue(ConsentPurposes.Analytics, out var choice) && !choice.Granted;

    /// <summary>Takes <paramref name="value"/> as the trait's value unless a stronger observation already holds it.</summary>
    public void Observe(string name, JsonElement value, TraitRank rank)
    {
        if (_traits.TryGetValue(name, out var held) && held.Rank > rank)
        {
            return;
        }

        var leaves = new List<KeyValuePair<string, SegmentValue>>();
        Flatten(name, value, leaves);
        Replace(name, rank, [.. leaves]);
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
        foreach (var (name, (rank, leaves)) in other._traits)
        {
            if (!_traits.TryGetValue(name, out var held) || held.Rank < rank)
            {
                Replace(name, rank, leaves);
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

        Events.AddRange(other.Events);
        return changed;
    }

    private void Replace(string name, TraitRank rank, KeyValuePair<string, SegmentValue>[] leaves)
    {
        if (_traits.TryGetValue(name, out var held))
        {
            foreach (var leaf in held.Leaves)
            {
                Values.Remove(leaf.Key);
            }
        }

        _traits[name] = (rank, leaves);
        foreach (var leaf in leaves)
        {
            Values[leaf.Key] = leaf.Value;
        }
    }

    private static void Flatten(string name, JsonElement value, List<KeyValuePair<string, SegmentValue>> leaves)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                Flatten($"{name}.{property.Name}", property.Value, leaves);
            }
        }
        else if (SegmentValue.FromJson(value) is { IsMissing: false } leaf)
        {
            leaves.Add(new(name, leaf));
        }
    }
}

/// <summary>One track event as <c>performed</c> conditions read it.</summary>
internal readonly record struct EventFact(string Name, DateTimeOffset Timestamp, JsonElement Properties);
