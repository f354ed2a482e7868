namespace Sightline.Core.Segments;

/// <summary>Compiles parsed expressions into <see cref="CompiledSegment"/>s, once per segment definition.</summary>
public static class SegmentCompiler
{
    /// <summary>
    /// Compiles <paramref name="expression"/>. It need not have been validated against a catalog: names the profile
    /// lacks read as missing values.
    /// </summary>
    public static CompiledSegment Compile(SegmentExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var events = new List<EventQuery>();
        var root = Build<ISegmentSubject>(expression, (name, test) => new TraitNode(name, test), node => node switch
        {
            EventCondition performed => Event(events, performed),
            SegmentReference reference => new MembershipNode(reference.SegmentName),
            ConsentCheck consent => new ConsentNode(consent.Purpose),
            _ => throw new ArgumentException($"unknown expression node {node.GetType().Name}", nameof(expression)),
        });
        return new CompiledSegment(expression, root, events);
    }

    internal static Node<TContext> Build<TContext>(
        SegmentExpression expression, Func<string, ValueTest, Node<TContext>> value, Func<SegmentExpression, Node<TContext>> other) =>
        expression switch
        {
            AllOf all => new AllNode<TContext>([.. all.Operands.Select(o => Build(o, value, other))]),
            AnyOf any => new AnyNode<TContext>([.. any.Operands.Select(o => Build(o, value, other))]),
            Negation negation => new NotNode<TContext>(Build(negation.Operand, value, other)),
            Comparison comparison => value(comparison.Name, ValueTest.Compare(comparison.Operator, comparison.Value)),
            ExistsCheck exists => value(exists.Name, ValueTest.Exists),
            WithinCheck within => value(within.Name, ValueTest.Within(within.Window.Length)),
            _ => other(expression),
        };

    private static EventNode Event(List<EventQuery> events, EventCondition performed)
    {
        var query = new EventQuery(performed);
        events.Add(query);
        return new EventNode(query);
    }
}
