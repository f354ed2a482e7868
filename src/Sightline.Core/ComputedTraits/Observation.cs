namespace Sightline.Core.ComputedTraits;

/// <summary>
/// A value seen at a moment, kept for first, last and days_since. Ties at the same moment go by message id
/// (ordinal), so arrival order never decides which event is first or last.
/// </summary>
internal sealed record Observation(DateTimeOffset At, string Id, ComputedValue Value)
{
    public bool IsBefore(Observation other) =>
        At.UtcTicks != other.At.UtcTicks ? At.UtcTicks < other.At.UtcTicks : string.CompareOrdinal(Id, other.Id) < 0;

    public static Observation? Earlier(Observation? a, Observation? b) => a is null ? b : b is null || a.IsBefore(b) ? a : b;

    public static Observation? Later(Observation? a, Observation? b) => a is null ? b : b is null || b.IsBefore(a) ? a : b;
}
