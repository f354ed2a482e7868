namespace Sightline.Core.Segments;

/// <summary>
/// One token: its kind, its source span, and its text — the word or operator as written, or a string's value with
/// escapes resolved. A number keeps its parsed value.
/// </summary>
internal readonly record struct Token(TokenKind Kind, SourceSpan Span, string Text, double Number = 0)
{
    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsOperator(string op) => Kind == TokenKind.Operator && Text == op;
}
