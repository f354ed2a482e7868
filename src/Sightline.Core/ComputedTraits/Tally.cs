namespace Sightline.Core.ComputedTraits;

/// <summary>
/// What one UTC day's matching events add up to (or all time's, for traits without a window). Each aggregation
/// fills only the fields it reads; every field combines exactly with another tally's, so merging two profiles'
/// tallies equals tallying both profiles' events.
/// </summary>
internal sealed class Tally
{
    /// <summary>Days since 0001-01-01 UTC; 0 for an all-time tally.</summary>
    public int Day { get; set; }

    /// <summary>Events that contributed (those lacking the aggregated property do not).</summary>
    public long Count { get; set; }

    public decimal Sum { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public Observation? First { get; set; }

    public Observation? Last { get; set; }

    /// <summary>Occurrences per value (text form), for most_frequent and distinct; at most <see cref="ComputedTrait.MaxDistinctValues"/>.</summary>
    public Dictionary<string, long>? Values { get; set; }

    /// <summary>Some values were dropped at the cap: distinct results are then approximate.</summary>
    public bool Truncated { get; set; }

    public void CountValue(string value, long times = 1)
    {
        Values ??= new Dictionary<string, long>(StringComparer.Ordinal);
        Values[value] = Values.GetValueOrDefault(value) + times;
        if (Values.Count > ComputedTrait.MaxDistinctValues)
        {
            DropLeastSeen(Values);
            Truncated = true;
        }
    }

    /// <summary>Adds another tally of the same day into this one.</summary>
    public void Merge(Tally other)
    {
        Count += other.Count;
        Sum += other.Sum;
        Min = Min is { } min && other.Min is { } otherMin ? Math.Min(min, otherMin) : Min ?? other.Min;
        Max = Max is { } max && other.Max is { } otherMax ? Math.Max(max, otherMax) : Max ?? other.Max;
        First = Observation.Earlier(First, other.First);
        Last = Observation.Later(Last, other.Last);
        Truncated |= other.Truncated;
        if (other.Values is not null)
        {
            foreach (var (value, times) in other.Values)
            {
                CountValue(value, times);
            }
        }
    }

    public Tally Clone() => new()
    {
        Day = Day,
        Count = Count,
        Sum = Sum,
        Min = Min,
        Max = Max,
        First = First,
        Last = Last,
        Values = Values is null ? null : new Dictionary<string, long>(Values, StringComparer.Ordinal),
        Truncated = Truncated,
    };

    /// <summary>The value seen most often; ties go to the ordinally smallest, so the answer never depends on order.</summary>
    public static string? MostFrequent(Dictionary<string, long> values)
    {
        string? best = null;
        long bestCount = 0;
        foreach (var (value, times) in values)
        {
            if (times > bestCount || (times == bestCount && string.CompareOrdinal(value, best) < 0))
            {
                (best, bestCount) = (value, times);
            }
        }

        return best;
    }

    private static void DropLeastSeen(Dictionary<string, long> values)
    {
        string? worst = null;
        long worstCount = long.MaxValue;
        foreach (var (value, times) in values)
        {
            if (times < worstCount || (times == worstCount && string.CompareOrdinal(value, worst) > 0))
            {
                (worst, worstCount) = (value, times);
            }
        }

        values.Remove(worst!);
    }
}
