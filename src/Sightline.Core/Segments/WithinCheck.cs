namespace Sightline.Core.Segments;

/// <summary><c>name within N days</c>: a date trait between <c>now - N</c> and <c>now</c>, both included.</summary>
public sealed record WithinCheck(string Name, TimeWindow Window) : SegmentExpression;
