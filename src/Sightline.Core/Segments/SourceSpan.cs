namespace Sightline.Core.Segments;

/// <summary>A range of the source text: a start offset and a length, both in UTF-16 characters.</summary>
internal readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static SourceSpan Between(SourceSpan first, SourceSpan last) => new(first.Start, Math.Max(last.End - first.Start, 0));
}
