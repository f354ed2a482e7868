namespace Sightline.Core.Segments;

/// <summary><c>name exists</c>: the trait (or event property) has a value. <c>name not exists</c> parses as its negation.</summary>
public sealed record ExistsCheck(string Name) : SegmentExpression;
