namespace Sightline.Core.Segments;

/// <summary><c>"text"</c>, also how dates are written (<c>"2026-01-31"</c>, <c>"2026-01-31T10:00:00Z"</c>).</summary>
public sealed record TextLiteral(string Value) : SegmentLiteral;
