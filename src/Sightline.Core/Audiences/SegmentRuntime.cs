using Sightline.Core.ComputedTraits;

namespace Sightline.Core.Audiences;

/// <summary>What the profile pipeline needs to keep computed traits and segment memberships with its batches.</summary>
/// <param name="Engine">The profiles' facts in memory, and the segments in force.</param>
/// <param name="Store">Where definitions are read and facts loaded from.</param>
/// <param name="Refresh">How often segments that change with time alone (windows, <c>within</c>) are evaluated again.</param>
/// <param name="Configured">The computed traits of the configuration (or the defaults); those declared through the API join them.</param>
public sealed record SegmentRuntime(SegmentEngine Engine, ISegmentStore Store, TimeSpan Refresh, IReadOnlyList<TraitDefinition> Configured);
