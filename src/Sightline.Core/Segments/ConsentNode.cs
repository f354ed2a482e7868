namespace Sightline.Core.Segments;

internal sealed class ConsentNode(string purpose) : Node<ISegmentSubject>
{
    public override bool Evaluate(ISegmentSubject context, DateTimeOffset now) => context.Consent(purpose) == ConsentState.Granted;
}
