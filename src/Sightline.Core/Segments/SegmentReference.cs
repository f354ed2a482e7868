namespace Sightline.Core.Segments;

/// <summary><c>in segment "name"</c>: the profile is currently a member of another segment.</summary>
public sealed record SegmentReference(string SegmentName) : SegmentExpression;
