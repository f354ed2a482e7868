namespace Sightline.Core.Audiences;

/// <summary>A saved segment: its name (what <c>in segment "…"</c> and exports use), its expression, and when it last changed.</summary>
public sealed record SegmentDefinition(long Id, string Name, string Expression, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
