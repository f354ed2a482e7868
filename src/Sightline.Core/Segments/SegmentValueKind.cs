namespace Sightline.Core.Segments;

/// <summary>The kinds of value a trait or event property has when a segment reads it.</summary>
public enum SegmentValueKind
{
    /// <summary>No value: the trait is not set (or is JSON null).</summary>
    Missing,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A moment in time.</summary>
    Date,

    /// <summary>A list of values.</summary>
    List,
}
