namespace Sightline.Core.Retention;

/// <summary>One batch of a retention pass: the last sequence number it looked at, and what it did.</summary>
/// <param name="LastSequence">The pass goes on after this event.</param>
/// <param name="Done">True when no resolved event is left after <paramref name="LastSequence"/>.</param>
/// <param name="Counts">Per source and type.</param>
/// <param name="Profiles">The profiles (as stored with the events) whose events it deleted or cut down.</param>
public sealed record RetentionBatch(long LastSequence, bool Done, IReadOnlyList<RetentionCount> Counts, IReadOnlyCollection<long>? Profiles = null);
