using Sightline.Core.ComputedTraits;
using Sightline.Core.Segments;

namespace Sightline.Core.Audiences;

/// <summary>A profile's facts as a compiled segment reads them, at one moment; rebound to each profile in turn.</summary>
internal sealed class FactsSubject(ComputedTraitSet computed, IReadOnlyDictionary<string, TraitState> empty, IReadOnlyDictionary<string, long> segmentIds) : ISegmentSubject
{
    public ProfileFacts Facts { get; set; } = null!;

    public DateTimeOffset Now { get; set; }

    public SegmentValue Trait(string name)
    {
        if (computed.Find(name) is { } trait)
        {
            var state = Facts.Computed.TryGetValue(name, out var held) && trait.IsCurrent(held) ? held : empty[name];
            return Convert(trait.Value(state, Now));
        }

        return Facts.Values.TryGetValue(name, out var value) ? value : SegmentValue.Missing;
    }

    public ConsentState Consent(string purpose) =>
        Facts.Consents.TryGetValue(purpose, out var choice) ? choice.Granted ? ConsentState.Granted : ConsentState.Denied : ConsentState.Unknown;

    public bool IsMemberOf(string segmentName) => segmentIds.TryGetValue(segmentName, out var id) && Facts.Segments.Contains(id);

    public int CountEvents(EventQuery query, DateTimeOffset now, int enough)
    {
        var since = query.Since(now);
        var count = 0;
        foreach (var fact in Facts.Events)
        {
            if (fact.Timestamp <= now && (since is not { } start || fact.Timestamp >= start)
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
