namespace Sightline.Core.Segments;

/// <summary>
/// A node of a parsed segment expression. Nodes are immutable values: two expressions that print the same text are
/// equal. Source positions are kept outside the tree (in <see cref="SegmentParseResult"/>) so that equality means
/// "same meaning as written", whatever the spacing.
/// </summary>
public abstract record SegmentExpression;
