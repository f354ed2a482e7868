namespace Sightline.Core.Segments;

/// <summary>The kinds of token the lexer produces. Keywords are words: the parser reads them by context.</summary>
internal enum TokenKind
{
    Word,
    Text,
    Number,
    Operator,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    End,
}
