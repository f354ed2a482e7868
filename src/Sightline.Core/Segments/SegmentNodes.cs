namespace Sightline.Core.Segments;

/// <summary>Walks an expression tree in source order, saying for each node whether it sits inside a <c>where</c> filter.</summary>
internal static class SegmentNodes
{
    public static IEnumerable<(SegmentExpression Expression, bool InFilter)> All(SegmentExpression root, bool intoFilters)
    {
        var stack = new Stack<(SegmentExpression, bool)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, inFilter) = stack.Pop();
            yield return (node, inFilter);
            IReadOnlyList<SegmentExpression> children = node switch
            {
                AllOf all => all.Operands,
                AnyOf any => any.Operands,
                Negation negation => [negation.Operand],
                EventCondition { Where: { } where } when intoFilters => [where],
                _ => [],
            };
            var childInFilter = inFilter || node is EventCondition;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], childInFilter));
            }
        }
    }

    public static string? NameOf(SegmentExpression node) => node switch
    {
        Comparison comparison => comparison.Name,
        ExistsCheck exists => exists.Name,
        WithinCheck within => within.Name,
        _ => null,
    };
}
