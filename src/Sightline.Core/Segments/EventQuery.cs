namespace Sightline.Core.Segments;

/// <summary>
/// The events one <c>performed</c> condition counts, prepared once when the segment is compiled and handed to
/// <see cref="ISegmentSubject.CountEvents"/> on every evaluation.
/// </summary>
public sealed class EventQuery
{
    internal EventQuery(EventCondition condition)
    {
        Condition = condition;
        Window = condition.Window?.Length;
        Filter = condition.Where is { } where ? new EventFilter(where) : null;
    }

    /// <summary>The condition this query comes from.</summary>
    public EventCondition Condition { get; }

    /// <summary>The event name, as written (events match it exactly).</summary>
    public string EventName => Condition.EventName;

    /// <summary>How far back events count; null for all time.</summary>
    public TimeSpan? Window { get; }

    /// <summary>The property filter, or null when every event with the name counts.</summary>
    public EventFilter? Filter { get; }

    /// <summary>The earliest moment an event counts from at <paramref name="now"/>, or null for all time.</summary>
    public DateTimeOffset? Since(DateTimeOffset now) => Window is { } window ? now - window : null;
}
