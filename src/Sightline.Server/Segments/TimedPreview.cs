using Sightline.Core.Audiences;

namespace Sightline.Server.Segments;

/// <summary>A preview and how long it took.</summary>
public sealed record TimedPreview(SegmentPreview Preview, TimeSpan Took);
