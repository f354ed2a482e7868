namespace Sightline.Core.ComputedTraits;

/// <summary>How a computed trait folds its matching events into one value (docs/computed-traits.md).</summary>
public enum Aggregation
{
    /// <summary>How many events matched.</summary>
    Count,

    /// <summary>The sum of a numeric property; 0 when nothing matched.</summary>
    Sum,

    /// <summary>The mean of a numeric property.</summary>
    Average,
    Min,
    Max,

    /// <summary>The property of the earliest matching event, or its timestamp when no property is named.</summary>
    First,

    /// <summary>The property of the latest matching event, or its timestamp when no property is named.</summary>
    Last,

    /// <summary>The property value seen most often (ties: the ordinally smallest), as text.</summary>
    MostFrequent,

    /// <summary>The distinct property values as a list of text in ordinal order.</summary>
    DistinctValues,

    /// <summary>How many distinct property values were seen.</summary>
    DistinctCount,

    /// <summary>Whole days from the latest matching event to the moment the value is read.</summary>
    DaysSince,

    /// <summary>Matching events per period (day, week, month or active day) over the window.</summary>
    Rate,
}
