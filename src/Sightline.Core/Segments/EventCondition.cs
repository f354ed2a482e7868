namespace Sightline.Core.Segments;

/// <summary>
/// <c>performed "Name" [count] [in last N unit] [where filter]</c>: the profile has events with this name, as many as
/// <paramref name="Count"/> asks (at least once when null), in the window (all time when null), whose properties
/// match <paramref name="Where"/> (every event when null). <c>not performed …</c> parses as its negation.
/// </summary>
public sealed record EventCondition(string EventName, EventCount? Count, TimeWindow? Window, SegmentExpression? Where) : SegmentExpression;
