using System.Text.RegularExpressions;
using Sightline.Core.Identity;
using Sightline.Core.Segments;
using Sightline.Core.Storage;
using Sightline.Server.Dashboard.Profiles;
using Sightline.Server.Segments;

namespace Sightline.Server.Dashboard.Segments;

/// <summary>
/// What the segment editor shows under the text: the diagnostics and, for a valid expression, the size preview with a
/// few members by name. The same for the Preview button (no script) and the check as one types (segments.js).
/// </summary>
public sealed partial record EditorCheck(SegmentParseResult Result, TimedPreview? Preview, IReadOnlyList<(ProfileId Profile, string? Name)> Sample)
{
    /// <summary>Checks <paramref name="expression"/> as it would be saved under <paramref name="name"/>, changing <paramref name="replacing"/>; previews it when valid.</summary>
    public static async Task<EditorCheck> RunAsync(
        SegmentAuthoring authoring, IProfileStore profiles, string expression, string? name, string? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authoring);
        var result = await authoring.CheckAsync(expression, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), replacing, cancellationToken);
        if (!result.Succeeded)
        {
            return new EditorCheck(result, null, []);
        }

        var preview = await authoring.PreviewAsync(result, cancellationToken);
        var sample = new List<(ProfileId, string?)>();
        foreach (var profile in preview?.Preview.Sample ?? [])
        {
            sample.Add((profile, (await ProfileFacts.ReadAsync(profiles, profile, cancellationToken)).Name));
        }

        return new EditorCheck(result, preview, sample);
    }

    /// <summary>The name a diagnostic suggests instead ("did you mean …?"), or null.</summary>
    public static string? Suggestion(SegmentDiagnostic diagnostic) =>
        diagnostic is null ? null : SuggestionPattern().Match(diagnostic.Message) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The line of <paramref name="expression"/> a diagnostic points at, split around the span it marks.</summary>
    public static (string Before, string Marked, string After) Excerpt(string expression, SegmentDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(diagnostic);
        // Lines end as the parser ends them: \r\n, \n or a lone \r.
        var lines = expression.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r');
        var line = lines[Math.Clamp(diagnostic.Line - 1, 0, lines.Length - 1)];
        var start = Math.Clamp(diagnostic.Column - 1, 0, line.Length);
        var length = Math.Clamp(diagnostic.Length, 0, line.Length - start);
        return (line[..start], line.Substring(start, length), line[(start + length)..]);
    }

    [GeneratedRegex("did you mean \"([^\"]+)\"\\?$")]
    private static partial Regex SuggestionPattern();
}
