using Sightline.Core.Segments;

namespace Sightline.Server.Segments;

/// <summary>
/// Why a segment was not saved, changed or deleted. <see cref="Subject"/> is the rule's text for a bad name, the
/// name for <see cref="SegmentRefusal.NameTaken"/>, the segment referred to for <see cref="SegmentRefusal.Referenced"/>.
/// </summary>
public sealed record SegmentProblem(SegmentRefusal Kind, string Subject)
{
    /// <summary>The segments referring to this one, for <see cref="SegmentRefusal.Referenced"/>.</summary>
    public IReadOnlyList<string> Referrers { get; init; } = [];

    /// <summary>The expression's diagnostics, for <see cref="SegmentRefusal.InvalidExpression"/>.</summary>
    public SegmentParseResult? Check { get; init; }
}
