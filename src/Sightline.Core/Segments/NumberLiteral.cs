namespace Sightline.Core.Segments;

/// <summary><c>42</c>, <c>-3.5</c>, <c>1e6</c>.</summary>
public sealed record NumberLiteral(double Value) : SegmentLiteral;
