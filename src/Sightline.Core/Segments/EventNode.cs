namespace Sightline.Core.Segments;

internal sealed class EventNode(EventQuery query) : Node<ISegmentSubject>
{
    private readonly EventCount _count = query.Condition.Count ?? new EventCount(CountKind.AtLeast, 1);

    public override bool Evaluate(ISegmentSubject context, DateTimeOffset now) =>
        _count.IsMetBy(context.CountEvents(query, now, _count.Enough));
}
