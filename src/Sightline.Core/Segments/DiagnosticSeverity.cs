namespace Sightline.Core.Segments;

/// <summary>Whether a diagnostic stops a segment from being saved.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The expression cannot be used as written.</summary>
    Error,

    /// <summary>The expression works but probably not as meant, such as an event name never seen yet.</summary>
    Warning,
}
