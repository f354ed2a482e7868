namespace Sightline.Core.Segments;

/// <summary>The type of a trait as the catalog declares it, which decides the comparisons it accepts.</summary>
public enum TraitType
{
    /// <summary>Text: =, !=, contains, starts with, in, ordering (alphabetical).</summary>
    Text,

    /// <summary>A number: =, !=, &lt;, &lt;=, &gt;, &gt;=, in.</summary>
    Number,

    /// <summary>True or false: = and !=.</summary>
    Boolean,

    /// <summary>A date or moment: =, !=, &lt;, &lt;=, &gt;, &gt;=, before, after, within.</summary>
    Date,

    /// <summary>A list of values: contains, in, not in.</summary>
    List,
}
