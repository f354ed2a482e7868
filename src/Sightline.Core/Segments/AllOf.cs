namespace Sightline.Core.Segments;

/// <summary><c>a and b and …</c>: true when every operand is (at least two operands).</summary>
public sealed record AllOf(IReadOnlyList<SegmentExpression> Operands) : SegmentExpression
{
    public bool Equals(AllOf? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Sequences.Hash(Operands);
}
