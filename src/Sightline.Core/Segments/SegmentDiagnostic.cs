namespace Sightline.Core.Segments;

/// <summary>
/// A problem found in a segment expression, at a 1-based <paramref name="Line"/> and <paramref name="Column"/>
/// (counted in UTF-16 characters) spanning <paramref name="Length"/> characters (at least 1).
/// </summary>
public sealed record SegmentDiagnostic(DiagnosticSeverity Severity, int Line, int Column, int Length, string Message)
{
    /// <summary><c>line:column: error: message</c>, as a command line shows it.</summary>
    public override string ToString() =>
        $"{Line}:{Column}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
