namespace Sightline.Core.Segments;

/// <summary>A value written in an expression. Dates are written as text (<c>"2026-01-31"</c>) and read as dates where a date is compared.</summary>
public abstract record SegmentLiteral;
