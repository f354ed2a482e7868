namespace Sightline.Core.ComputedTraits;

/// <summary>What a computed trait's value holds, so a segment knows how to compare it.</summary>
public enum ComputedValueKind
{
    /// <summary>No value: no matching event (in the window), or the events lacked the property.</summary>
    None,
    Number,
    Text,
    Boolean,

    /// <summary>A moment in UTC, such as the time of the last matching event.</summary>
    Timestamp,

    /// <summary>Text values in ordinal order, as <c>distinct_values</c> gives them.</summary>
    List,
}
