namespace Sightline.Core.Segments;

/// <summary><c>a or b or …</c>: true when any operand is (at least two operands).</summary>
public sealed record AnyOf(IReadOnlyList<SegmentExpression> Operands) : SegmentExpression
{
    public bool Equals(AnyOf? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Sequences.Hash(Operands);
}
