namespace Sightline.Core.Segments;

/// <summary>
/// A compiled condition over a context: a profile (<see cref="ISegmentSubject"/>) or an event's properties. Nodes are
/// built once per segment and hold everything pre-resolved, so evaluating allocates nothing.
/// </summary>
internal abstract class Node<TContext>
{
    public abstract bool Evaluate(TContext context, DateTimeOffset now);
}
