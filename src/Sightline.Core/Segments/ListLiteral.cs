namespace Sightline.Core.Segments;

/// <summary><c>["ES", "PT"]</c>: a list of text, number or boolean literals (no nested lists).</summary>
public sealed record ListLiteral(IReadOnlyList<SegmentLiteral> Items) : SegmentLiteral
{
    public bool Equals(ListLiteral? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Sequences.Hash(Items);
}
