using Sightline.Core.Audiences;

namespace Sightline.Server.Segments;

/// <summary>The segment saved, changed or deleted, or why not.</summary>
public sealed record SegmentOutcome(SegmentDefinition? Segment, SegmentProblem? Problem);
