namespace Sightline.Core.Segments;

internal sealed class MembershipNode(string segmentName) : Node<ISegmentSubject>
{
    public override bool Evaluate(ISegmentSubject context, DateTimeOffset now) => context.IsMemberOf(segmentName);
}
