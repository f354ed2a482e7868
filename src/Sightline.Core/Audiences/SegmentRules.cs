using Sightline.Core.Segments;

namespace Sightline.Core.Audiences;

/// <summary>What every way of saving a segment (API, CLI, demo) checks the same way.</summary>
public static class SegmentRules
{
    public const int MaxNameLength = 100;

    /// <summary>Why <paramref name="name"/> cannot name a segment, or null when it can.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "is required: what the segment is called, as `in segment \"…\"` and exports name it"
        : name.Trim().Length > MaxNameLength || name.Any(c => char.IsControl(c) || c == '"') ? $"must be at most {MaxNameLength} characters, without quotes or control characters"
        : null;

    /// <summary>The segments among <paramref name="segments"/> whose expression refers to <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Referrers(IEnumerable<SegmentDefinition> segments, string name) =>
        [.. segments.Where(s => s.Name != name && SegmentParser.Parse(s.Expression).Expression is { } e && SegmentDependencies.Of(e).Segments.Contains(name)).Select(s => s.Name)];
}
