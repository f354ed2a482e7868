using System.Text.Json;

namespace Sightline.Core.Segments;

/// <summary>
/// A compiled <c>where</c> filter of a <c>performed</c> condition, for an event store to run over each candidate
/// event's <c>properties</c> object. Property names may be dotted to reach into nested objects.
/// </summary>
public sealed class EventFilter
{
    private readonly Node<JsonElement> _root;

    internal EventFilter(SegmentExpression expression)
    {
        Expression = expression;
        _root = SegmentCompiler.Build(expression, (name, test) => new PropertyNode(name, test),
            other => throw new ArgumentException($"a where filter compares event properties; {other.GetType().Name} cannot be used inside it", nameof(expression)));
    }

    /// <summary>The filter as written, for stores that translate it (to SQL, say) instead of calling <see cref="Matches"/>.</summary>
    public SegmentExpression Expression { get; }

    /// <summary>
    /// Whether an event's <paramref name="properties"/> (a JSON object) satisfy the filter at <paramref name="now"/>
    /// (used by <c>within</c>). Reading a text property allocates its string; the rest allocates nothing.
    /// </summary>
    public bool Matches(JsonElement properties, DateTimeOffset now) => _root.Evaluate(properties, now);
}
