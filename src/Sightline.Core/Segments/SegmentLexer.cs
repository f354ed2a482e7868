using System.Globalization;
using System.Text;

namespace Sightline.Core.Segments;

/// <summary>
/// Splits an expression into tokens. It never throws: a character it cannot read becomes a diagnostic and is skipped,
/// so the parser still sees the rest and can report more than one problem.
/// </summary>
internal sealed class SegmentLexer(SourceText source, List<SegmentDiagnostic> diagnostics)
{
    private readonly string _text = source.Text;
    private int _position;

    public List<Token> Tokens()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipBlankAndComments();
            if (_position >= _text.Length)
            {
                tokens.Add(new Token(TokenKind.End, new SourceSpan(_text.Length, 0), string.Empty));
                return tokens;
            }

            if (Next() is { } token)
            {
                tokens.Add(token);
            }
        }
    }

    private void SkipBlankAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '#')
            {
                while (_position < _text.Length && _text[_position] is not ('\n' or '\r'))
                {
                    _position++;
                }
            }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else
            {
                return;
            }
        }
    }

    private Token? Next()
    {
        var start = _position;
        var c = _text[start];
        switch (c)
        {
            case '(':
                return Single(TokenKind.OpenParen);
            case ')':
                return Single(TokenKind.CloseParen);
            case '[':
                return Single(TokenKind.OpenBracket);
            case ']':
                return Single(TokenKind.CloseBracket);
            case ',':
                return Single(TokenKind.Comma);
            case '"' or '\'':
                return String(c);
            case '“' or '”' or '‘' or '’':
                _position++;
                diagnostics.Add(source.Error(new SourceSpan(start, 1), $"use straight quotes (\"…\") around text, not {c}"));
                return null;
            case '=' or '<' or '>' or '!':
                return Operator();
        }

        if (char.IsAsciiDigit(c) || (c is '-' or '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
        {
            return Number();
        }

        if (char.IsLetter(c) || c == '_')
        {
            return Word();
        }

        _position += char.IsSurrogatePair(_text, start) ? 2 : 1;
        diagnostics.Add(source.Error(new SourceSpan(start, _position - start), $"unexpected character {Describe(_text[start.._position])}"));
        return null;
    }

    private Token Single(TokenKind kind)
    {
        _position++;
        return new Token(kind, new SourceSpan(_position - 1, 1), _text[(_position - 1).._position]);
    }

    private Token? Operator()
    {
        var start = _position;
        var first = _text[_position++];
        var second = _position < _text.Length ? _text[_position] : '\0';
        string op;
        if (second == '=' || (first == '<' && second == '>'))
        {
            _position++;
            op = (first, second) switch
            {
                ('=', '=') => "=",
                ('<', '>') => "!=",
                _ => $"{first}=",
            };
        }
        else if (first == '!')
        {
            diagnostics.Add(source.Error(new SourceSpan(start, 1), "unexpected \"!\": write != for \"different from\", or not before a condition"));
            return null;
        }
        else
        {
            op = first.ToString();
        }

        return new Token(TokenKind.Operator, new SourceSpan(start, _position - start), op);
    }

    private Token Number()
    {
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
        }

        SkipDigits();
        if (_position < _text.Length && _text[_position] == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1]))
        {
            _position++;
            SkipDigits();
        }

        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            var mark = _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-')
            {
                _position++;
            }

            if (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                SkipDigits();
            }
            else
            {
                _position = mark;
            }
        }

        var span = new SourceSpan(start, _position - start);
        var text = _text[start.._position];
        if (_position < _text.Length && (char.IsLetter(_text[_position]) || _text[_position] == '_'))
        {
            // "30days" or "2x": one clear message rather than a number followed by a puzzling word.
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            diagnostics.Add(source.Error(new SourceSpan(start, _position - start), $"{Describe(_text[start.._position])} is not a number; put a space between a number and a word"));
            return new Token(TokenKind.Number, new SourceSpan(start, _position - start), text);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            diagnostics.Add(source.Error(span, $"{text} is out of range for a number"));
            return new Token(TokenKind.Number, span, text);
        }

        return new Token(TokenKind.Number, span, text, number);
    }

    private void SkipDigits()
    {
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }
    }

    private Token Word()
    {
        var start = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                _position++;
            }
            else if (c == '.' && _position + 1 < _text.Length && (char.IsLetter(_text[_position + 1]) || _text[_position + 1] == '_'))
            {
                _position++;
            }
            else
            {
                break;
            }
        }

        return new Token(TokenKind.Word, new SourceSpan(start, _position - start), _text[start.._position]);
    }

    private Token String(char quote)
    {
        var start = _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] is '\n' or '\r')
            {
                // The token still goes to the parser, so that one missing quote is one diagnostic and not two.
                diagnostics.Add(source.Error(new SourceSpan(start, _position - start), $"unterminated string: add a closing {quote}"));
                return new Token(TokenKind.Text, new SourceSpan(start, _position - start), value.ToString());
            }

            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                var span = new SourceSpan(start, _position - start);
                return new Token(TokenKind.Text, span, value.ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                _position++;
                continue;
            }

            Escape(value);
        }
    }

    private void Escape(StringBuilder value)
    {
        var start = _position;
        _position++;
        var code = _position < _text.Length ? _text[_position] : '\0';
        switch (code)
        {
            case '"' or '\'' or '\\':
                value.Append(code);
                _position++;
                return;
            case 'n':
                value.Append('\n');
                _position++;
                return;
            case 't':
                value.Append('\t');
                _position++;
                return;
            case 'r':
                value.Append('\r');
                _position++;
                return;
            case 'u' when _position + 4 < _text.Length
                && ushort.TryParse(_text.AsSpan(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                value.Append((char)unit);
                _position += 5;
                return;
            default:
                if (_position < _text.Length && _text[_position] is not ('\n' or '\r'))
                {
                    _position++;
                }

                diagnostics.Add(source.Error(new SourceSpan(start, _position - start),
                    $"unknown escape {Describe(_text[start.._position])} in a string: use \\\" for a quote and \\\\ for a backslash"));
                return;
        }
    }

    private static string Describe(string text) =>
        text.Length == 1 && (char.IsControl(text[0]) || char.IsSurrogate(text[0]))
            ? $"U+{(int)text[0]:X4}"
            : $"\"{text}\"";
}
