namespace Sightline.Core.Segments;

/// <summary><c>consent("purpose")</c>: the profile's person granted the purpose; unknown counts as not granted.</summary>
public sealed record ConsentCheck(string Purpose) : SegmentExpression;
