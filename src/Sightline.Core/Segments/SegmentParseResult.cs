namespace Sightline.Core.Segments;

/// <summary>
/// What <see cref="SegmentParser.Parse"/> found: the expression when the text is well formed, and the diagnostics
/// (never null; empty when all is well).
/// </summary>
public sealed class SegmentParseResult
{
    internal SegmentParseResult(SegmentExpression? expression, IReadOnlyList<SegmentDiagnostic> diagnostics, SourceText source, IReadOnlyDictionary<object, SourceSpan> spans)
    {
        Expression = expression;
        Diagnostics = diagnostics;
        Source = source;
        Spans = spans;
    }

    /// <summary>The expression, or null when the text has syntax errors.</summary>
    public SegmentExpression? Expression { get; }

    /// <summary>The problems found, in source order.</summary>
    public IReadOnlyList<SegmentDiagnostic> Diagnostics { get; }

    /// <summary>True when there is an expression and no error.</summary>
    public bool Succeeded => Expression is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    internal SourceText Source { get; }

    // Where each node's name and each literal was written, keyed by node identity, so that the validator can point
    // at them while the tree itself stays a pure value.
    internal IReadOnlyDictionary<object, SourceSpan> Spans { get; }
}
