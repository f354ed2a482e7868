using Sightline.Core.ComputedTraits;
using Sightline.Core.Segments;

namespace Sightline.Core.Audiences;

/// <summary>
/// A profile's facts as a compiled segment reads them, at one moment; rebound to each profile in turn. One instance
/// per thread of an evaluation: it remembers how each name a segment asks for resolves (the segments pass the same
/// string instances every time), and each computed trait's value for the profile bound, which several segments read.
/// </summary>
internal sealed class FactsSubject(ComputedTraitSet computed, IReadOnlyDictionary<string, TraitState> empty, IReadOnlyDictionary<string, MemberSet> segmentMembers, NameTable names) : ISegmentSubject
{
    private readonly Dictionary<string, (int Computed, string? Interned)> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly SegmentValue[] _values = new SegmentValue[computed.Traits.Count];
    private readonly int[] _valuesOf = new int[computed.Traits.Count];
    private ProfileFacts _facts = null!;
    private int _binding;

    public ProfileFacts Facts
    {
        get => _facts;
        set
        {
            _facts = value;
            _binding++;
        }
    }

    public DateTimeOffset Now { get; set; }

    public SegmentValue Trait(string name)
    {
        if (!_resolved.TryGetValue(name, out var resolved))
        {
            var index = computed.IndexOf(name);
            _resolved[name] = resolved = (index, index < 0 ? names.Find(name) : null);
        }

        if (resolved.Computed < 0)
        {
            return resolved.Interned is { } interned ? Facts.Value(interned) : SegmentValue.Missing;
        }

        if (_valuesOf[resolved.Computed] != _binding)
        {
            var trait = computed.Traits[resolved.Computed];
            var state = Facts.Computed.TryGetValue(trait.Name, out var held) && trait.IsCurrent(held) ? held : empty[trait.Name];
            _values[resolved.Computed] = Convert(trait.Value(state, Now));
            _valuesOf[resolved.Computed] = _binding;
        }

        return _values[resolved.Computed];
    }

    public ConsentState Consent(string purpose) =>
        Facts.Consents.TryGetValue(purpose, out var choice) ? choice.Granted ? ConsentState.Granted : ConsentState.Denied : ConsentState.Unknown;

    public bool IsMemberOf(string segmentName) => segmentMembers.TryGetValue(segmentName, out var members) && members.Contains(Facts.Slot);

    public int CountEvents(EventQuery query, DateTimeOffset now, int enough)
    {
        var since = query.Since(now);
        var count = 0;
        var events = Facts.Events;
        // Newest first: a windowed count stops at the window's start, and "at least N" at the Nth.
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var fact = events[i];
            if (since is { } start && fact.Timestamp < start)
            {
                break;
            }

            if (fact.Timestamp <= now
                && string.Equals(fact.Name, query.EventName, StringComparison.Ordinal)
                && (query.Filter is not { } filter || filter.Matches(fact.Properties, now))
                && ++count >= enough)
            {
                break;
            }
        }

        return count;
    }

    public static SegmentValue Convert(ComputedValue value) => value.Kind switch
    {
        ComputedValueKind.Number => SegmentValue.Number((double)value.Number),
        ComputedValueKind.Text => SegmentValue.Text(value.Text),
        ComputedValueKind.Boolean => SegmentValue.Boolean(value.Boolean),
        ComputedValueKind.Timestamp => SegmentValue.Date(value.Timestamp),
        ComputedValueKind.List => SegmentValue.List([.. value.List.Select(SegmentValue.Text)]),
        _ => SegmentValue.Missing,
    };
}
