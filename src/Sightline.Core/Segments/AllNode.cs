namespace Sightline.Core.Segments;

internal sealed class AllNode<TContext>(Node<TContext>[] operands) : Node<TContext>
{
    public override bool Evaluate(TContext context, DateTimeOffset now)
    {
        foreach (var operand in operands)
        {
            if (!operand.Evaluate(context, now))
            {
                return false;
            }
        }

        return true;
    }
}
