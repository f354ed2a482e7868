namespace Sightline.Core.Segments;

internal sealed class TraitNode(string name, ValueTest test) : Node<ISegmentSubject>
{
    public override bool Evaluate(ISegmentSubject context, DateTimeOffset now) => test.Test(context.Trait(name), now);
}
