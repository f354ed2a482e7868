namespace Sightline.Core.Segments;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanLiteral(bool Value) : SegmentLiteral;
