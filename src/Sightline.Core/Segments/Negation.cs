namespace Sightline.Core.Segments;

/// <summary><c>not a</c>: true when the operand is false, including when it is false because a trait is missing.</summary>
public sealed record Negation(SegmentExpression Operand) : SegmentExpression;
