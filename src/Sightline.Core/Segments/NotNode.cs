namespace Sightline.Core.Segments;

internal sealed class NotNode<TContext>(Node<TContext> operand) : Node<TContext>
{
    public override bool Evaluate(TContext context, DateTimeOffset now) => !operand.Evaluate(context, now);
}
