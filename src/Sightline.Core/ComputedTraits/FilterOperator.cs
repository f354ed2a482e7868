namespace Sightline.Core.ComputedTraits;

/// <summary>How a <see cref="PropertyFilter"/> compares a property with its operands.</summary>
public enum FilterOperator
{
    /// <summary>Equal (numbers numerically, text ordinally); a missing property is not equal.</summary>
    Eq,

    /// <summary>Not equal; a missing property is not equal to anything, so it passes.</summary>
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,

    /// <summary>Equal to one of the operands.</summary>
    In,

    /// <summary>Present and not null (operand <c>true</c>), or absent or null (<c>false</c>).</summary>
    Exists,
}
