namespace Sightline.Core.Segments;

/// <summary>The operators of a <see cref="Comparison"/>, each with the text the language writes for it.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c>: the value is present and different.</summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>contains</c>: a substring of text, or an element of a list.</summary>
    Contains,

    /// <summary><c>starts with</c></summary>
    StartsWith,

    /// <summary><c>in [..]</c>: equal to one of the listed values (for a list trait, shares an element with them).</summary>
    In,

    /// <summary><c>not in [..]</c>: the value is present and <see cref="In"/> is false.</summary>
    NotIn,

    /// <summary><c>before</c>: a date earlier than the literal (a date without a time means the start of that day, UTC).</summary>
    Before,

    /// <summary><c>after</c>: a date later than the literal (a date without a time means after that whole day, UTC).</summary>
    After,
}
