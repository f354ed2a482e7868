using System.Text.Json;
using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

/// <summary>A profile held in memory: traits, consent choices, memberships and events with JSON properties.</summary>
public sealed class TestSubject : ISegmentSubject
{
    private readonly Dictionary<string, SegmentValue> _traits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConsentState> _consent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _segments = new(StringComparer.Ordinal);
    private readonly List<(string Name, DateTimeOffset At, JsonElement Properties)> _events = [];

    public int EventQueries { get; private set; }

    public TestSubject With(string trait, SegmentValue value)
    {
        _traits[trait] = value;
        return this;
    }

    public TestSubject With(string trait, string value) => With(trait, SegmentValue.Text(value));

    public TestSubject With(string trait, double value) => With(trait, SegmentValue.Number(value));

    public TestSubject With(string trait, bool value) => With(trait, SegmentValue.Boolean(value));

    public TestSubject With(string trait, DateTimeOffset value) => With(trait, SegmentValue.Date(value));

    public TestSubject Consenting(string purpose, ConsentState state = ConsentState.Granted)
    {
        _consent[purpose] = state;
        return this;
    }

    public TestSubject MemberOf(string segment)
    {
        _segments.Add(segment);
        return this;
    }

    public TestSubject Performed(string name, DateTimeOffset at, string properties = "{}")
    {
        _events.Add((name, at, JsonDocument.Parse(properties).RootElement.Clone()));
        return this;
    }

    public SegmentValue Trait(string name) => _traits.TryGetValue(name, out var value) ? value : SegmentValue.Missing;

    public ConsentState Consent(string purpose) => _consent.TryGetValue(purpose, out var state) ? state : ConsentState.Unknown;

    public bool IsMemberOf(string segmentName) => _segments.Contains(segmentName);

    public int CountEvents(EventQuery query, DateTimeOffset now, int enough)
    {
        EventQueries++;
        var since = query.Since(now);
        var count = 0;
        foreach (var (name, at, properties) in _events)
        {
            if (name == query.EventName && (since is null || at >= since) && at <= now
                && (query.Filter is null || query.Filter.Matches(properties, now)) && ++count >= enough)
            {
                break;
            }
        }

        return count;
    }
}
