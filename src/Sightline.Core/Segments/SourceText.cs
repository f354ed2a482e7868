namespace Sightline.Core.Segments;

/// <summary>Turns offsets into the 1-based line and column a person sees, and makes diagnostics from spans.</summary>
internal sealed class SourceText(string text)
{
    private readonly int[] _lineStarts = LineStarts(text);

    public string Text { get; } = text;

    public SegmentDiagnostic Diagnostic(DiagnosticSeverity severity, SourceSpan span, string message)
    {
        var start = Math.Clamp(span.Start, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, start);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SegmentDiagnostic(severity, line + 1, start - _lineStarts[line] + 1, Math.Max(span.Length, 1), message);
    }

    public SegmentDiagnostic Error(SourceSpan span, string message) => Diagnostic(DiagnosticSeverity.Error, span, message);

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            // \r\n, \n and a lone \r each end a line.
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
