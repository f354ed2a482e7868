namespace Sightline.Core.Segments;

/// <summary>
/// A segment expression compiled once into a tree of pre-resolved conditions. Thread-safe: one instance can evaluate
/// many profiles in parallel.
/// </summary>
public sealed class CompiledSegment
{
    private readonly Node<ISegmentSubject> _root;

    internal CompiledSegment(SegmentExpression expression, Node<ISegmentSubject> root, IReadOnlyList<EventQuery> events)
    {
        Expression = expression;
        _root = root;
        Events = events;
        Dependencies = SegmentDependencies.Of(expression);
    }

    /// <summary>The expression compiled.</summary>
    public SegmentExpression Expression { get; }

    /// <summary>What the expression reads (traits, events, segments, consent purposes) and whether it depends on time.</summary>
    public SegmentDependencies Dependencies { get; }

    /// <summary>The event queries the segment runs, one per <c>performed</c> condition, in source order.</summary>
    public IReadOnlyList<EventQuery> Events { get; }

    /// <summary>Whether <paramref name="subject"/> belongs to the segment at <paramref name="now"/>. Allocates nothing.</summary>
    public bool Evaluate(ISegmentSubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _root.Evaluate(subject, now);
    }
}
