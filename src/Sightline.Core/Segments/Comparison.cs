namespace Sightline.Core.Segments;

/// <summary>
/// <c>name OP value</c>: compares a trait (or, inside a <c>where</c> filter, an event property) with a literal.
/// <paramref name="Name"/> may be dotted (<c>address.city</c>). Any comparison on a missing value is false.
/// </summary>
public sealed record Comparison(string Name, ComparisonOperator Operator, SegmentLiteral Value) : SegmentExpression;
