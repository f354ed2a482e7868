using System.Globalization;

namespace Sightline.Core.Segments;

/// <summary>
/// The hand-written recursive-descent parser of the segment language (grammar in docs/segment-language.md). It never
/// throws: any input gives a <see cref="SegmentParseResult"/>, with diagnostics for what it could not read. After a
/// syntax error it skips to the next <c>and</c>, <c>or</c> or <c>)</c> and goes on, so that one pass reports several
/// problems.
/// </summary>
public sealed class SegmentParser
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 20_000;

    /// <summary>The most conditions one expression may hold.</summary>
    public const int MaxConditions = 1_000;

    /// <summary>The deepest nesting of parentheses and <c>not</c> accepted; deeper input is refused rather than risking the stack.</summary>
    public const int MaxDepth = 64;

    private const int MaxCount = 1_000_000;
    private static readonly string[] Reserved = ["and", "or", "not"];

    private readonly SourceText _source;
    private readonly List<SegmentDiagnostic> _diagnostics = [];
    private readonly Dictionary<object, SourceSpan> _spans = new(ReferenceEqualityComparer.Instance);
    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;
    private int _conditions;
    private bool _failed;

    private SegmentParser(string text)
    {
        _source = new SourceText(text);
        _tokens = new SegmentLexer(_source, _diagnostics).Tokens();
        _failed = _diagnostics.Count > 0;
    }

    private Token Current => _tokens[_position];

    /// <summary>Parses <paramref name="text"/> (null reads as empty).</summary>
    public static SegmentParseResult Parse(string? text)
    {
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            var tooLong = new SourceText(string.Empty);
            return new SegmentParseResult(null, [new SegmentDiagnostic(DiagnosticSeverity.Error, 1, 1, 1,
                $"the expression is {text.Length:N0} characters long; the limit is {MaxLength:N0}")], tooLong, new Dictionary<object, SourceSpan>());
        }

        return new SegmentParser(text).Run();
    }

    private SegmentParseResult Run()
    {
        SegmentExpression? expression = null;
        if (Current.Kind == TokenKind.End)
        {
            if (!_failed)
            {
                Error(Current.Span, "the expression is empty: write a condition such as country = \"ES\"");
            }
        }
        else
        {
            expression = ParseOr(filter: false);
            if (Current.Kind != TokenKind.End && !_failed)
            {
                Error(Current.Span, Current.Kind == TokenKind.CloseParen
                    ? "unexpected \")\": there is no \"(\" to close"
                    : $"expected \"and\" or \"or\" before {Describe(Current)}");
            }
        }

        var diagnostics = _diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray();
        return new SegmentParseResult(_failed ? null : expression, diagnostics, _source, _spans);
    }

    private SegmentExpression? ParseOr(bool filter) => ParseJoined("or", () => ParseAnd(filter), list => new AnyOf(list));

    private SegmentExpression? ParseAnd(bool filter) => ParseJoined("and", () => ParseOperand(filter), list => new AllOf(list));

    private SegmentExpression? ParseJoined(string keyword, Func<SegmentExpression?> operand, Func<SegmentExpression[], SegmentExpression> make)
    {
        var operands = new List<SegmentExpression?> { operand() };
        while (Current.Is(keyword))
        {
            _position++;
            operands.Add(operand());
        }

        return Combine(operands, make);
    }

    private static SegmentExpression? Combine(List<SegmentExpression?> operands, Func<SegmentExpression[], SegmentExpression> make)
    {
        if (operands.Any(o => o is null))
        {
            return null;
        }

        return operands.Count == 1 ? operands[0] : make([.. operands.Select(o => o!)]);
    }

    // An operand that fails is skipped up to the next "and", "or" or ")" of its own level, so parsing goes on.
    private SegmentExpression? ParseOperand(bool filter)
    {
        var operand = ParseUnary(filter);
        if (operand is null)
        {
            Recover();
        }

        return operand;
    }

    private void Recover()
    {
        var nesting = 0;
        while (Current.Kind != TokenKind.End)
        {
            if (nesting == 0 && (Current.Is("and") || Current.Is("or") || Current.Kind == TokenKind.CloseParen))
            {
                return;
            }

            nesting += Current.Kind switch
            {
                TokenKind.OpenParen => 1,
                TokenKind.CloseParen => -1,
                _ => 0,
            };
            _position++;
        }
    }

    private SegmentExpression? ParseUnary(bool filter)
    {
        if (++_depth > MaxDepth)
        {
            _depth--;
            Error(Current.Span, $"the expression nests deeper than {MaxDepth} levels of parentheses and \"not\"");
            return null;
        }

        try
        {
            if (Current.Is("not"))
            {
                _position++;
                return ParseUnary(filter) is { } operand ? new Negation(operand) : null;
            }

            return ParsePrimary(filter);
        }
        finally
        {
            _depth--;
        }
    }

    private SegmentExpression? ParsePrimary(bool filter)
    {
        var token = Current;
        if (token.Kind == TokenKind.OpenParen)
        {
            _position++;
            var inner = ParseOr(filter);
            if (Current.Kind == TokenKind.CloseParen)
            {
                _position++;
                return inner;
            }

            if (inner is not null)
            {
                Error(Current.Span, $"expected \")\" to close the \"(\" at {Position(token.Span)}, found {Describe(Current)}");
            }

            return null;
        }

        if (token.Kind == TokenKind.Text)
        {
            return Fail(token.Span, $"expected a condition, found the text {Describe(token)}: trait names are written without quotes");
        }

        if (token.Kind != TokenKind.Word)
        {
            return Fail(token.Span, $"expected a condition, found {Describe(token)}");
        }

        var next = _tokens[_position + 1];
        var special = (token.Is("performed") && next.Kind != TokenKind.Operator)
            || (token.Is("in") && next.Is("segment"))
            || (token.Is("consent") && next.Kind == TokenKind.OpenParen);
        if (special && filter)
        {
            return Fail(token.Span, $"a where filter compares the event's properties; \"{token.Text}\" cannot be used inside it");
        }

        if (++_conditions > MaxConditions)
        {
            return Fail(token.Span, $"the expression has more than {MaxConditions:N0} conditions");
        }

        if (token.Is("performed") && special)
        {
            return ParseEvent();
        }

        if (token.Is("in") && special)
        {
            _position += 2;
            return Quoted("an existing segment's name in quotes after \"in segment\"") is { } segment
                ? Spanned(new SegmentReference(segment.Text), segment.Span)
                : null;
        }

        if (token.Is("consent") && special)
        {
            _position += 2;
            var purpose = Quoted("a consent purpose in quotes, as in consent(\"email_marketing\")");
            if (purpose is null)
            {
                return null;
            }

            if (!Expect(TokenKind.CloseParen, $"expected \")\" after consent(\"{purpose.Value.Text}\""))
            {
                return null;
            }

            return Spanned(new ConsentCheck(purpose.Value.Text), purpose.Value.Span);
        }

        if (Reserved.Any(token.Is))
        {
            return Fail(token.Span, $"expected a condition, found \"{token.Text}\"");
        }

        _position++;
        return ParseCondition(token);
    }

    private SegmentExpression? ParseCondition(Token name)
    {
        var token = Current;
        if (token.Kind == TokenKind.Operator)
        {
            _position++;
            var op = token.Text switch
            {
                "=" => ComparisonOperator.Equal,
                "!=" => ComparisonOperator.NotEqual,
                "<" => ComparisonOperator.Less,
                "<=" => ComparisonOperator.LessOrEqual,
                ">" => ComparisonOperator.Greater,
                _ => ComparisonOperator.GreaterOrEqual,
            };
            return Compare(name, op, $"\"{token.Text}\"");
        }

        if (token.Is("contains"))
        {
            _position++;
            return Compare(name, ComparisonOperator.Contains, "\"contains\"");
        }

        if (token.Is("starts"))
        {
            _position++;
            return Current.Is("with") ? Advance(() => Compare(name, ComparisonOperator.StartsWith, "\"starts with\"")) : Fail(Current.Span, $"expected \"with\" after \"starts\", found {Describe(Current)}");
        }

        if (token.Is("before") || token.Is("after"))
        {
            _position++;
            return Compare(name, token.Is("before") ? ComparisonOperator.Before : ComparisonOperator.After, $"\"{token.Text.ToLowerInvariant()}\"");
        }

        if (token.Is("in"))
        {
            _position++;
            return CompareList(name, ComparisonOperator.In, "\"in\"");
        }

        if (token.Is("exists"))
        {
            _position++;
            return Spanned(new ExistsCheck(name.Text), name.Span);
        }

        if (token.Is("not"))
        {
            _position++;
            if (Current.Is("exists"))
            {
                _position++;
                return new Negation(Spanned(new ExistsCheck(name.Text), name.Span));
            }

            return Current.Is("in")
                ? Advance(() => CompareList(name, ComparisonOperator.NotIn, "\"not in\""))
                : Fail(Current.Span, $"expected \"in\" or \"exists\" after \"{name.Text} not\", found {Describe(Current)}");
        }

        if (token.Is("within"))
        {
            _position++;
            return Window("\"within\"") is { } window ? Spanned(new WithinCheck(name.Text, window), name.Span) : null;
        }

        return Fail(token.Kind == TokenKind.End ? name.Span : token.Span,
            $"expected an operator after \"{name.Text}\" (=, !=, <, <=, >, >=, contains, starts with, in, not in, exists, not exists, within, before, after), found {Describe(token)}");
    }

    private SegmentExpression? Advance(Func<SegmentExpression?> then)
    {
        _position++;
        return then();
    }

    private SegmentExpression? Compare(Token name, ComparisonOperator op, string after)
    {
        if (Current.Kind == TokenKind.OpenBracket)
        {
            return Fail(Current.Span, $"a list goes with \"in\": write {name.Text} in [...]");
        }

        return Scalar(after) is { } value ? Spanned(new Comparison(name.Text, op, value), name.Span) : null;
    }

    private SegmentExpression? CompareList(Token name, ComparisonOperator op, string after)
    {
        var open = Current;
        if (open.Kind != TokenKind.OpenBracket)
        {
            return Fail(open.Span, $"expected a list such as [\"ES\", \"PT\"] after {after}, found {Describe(open)}");
        }

        _position++;
        var items = new List<SegmentLiteral>();
        if (Current.Kind != TokenKind.CloseBracket)
        {
            while (true)
            {
                if (Scalar(items.Count == 0 ? "\"[\"" : "\",\"") is not { } item)
                {
                    return null;
                }

                items.Add(item);
                if (Current.Kind == TokenKind.Comma)
                {
                    _position++;
                    continue;
                }

                if (Current.Kind != TokenKind.CloseBracket)
                {
                    return Fail(Current.Span, $"expected \",\" or \"]\" in the list, found {Describe(Current)}");
                }

                break;
            }
        }

        var close = Current;
        _position++;
        var list = new ListLiteral([.. items]);
        _spans[list] = SourceSpan.Between(open.Span, close.Span);
        return Spanned(new Comparison(name.Text, op, list), name.Span);
    }

    private SegmentLiteral? Scalar(string after)
    {
        var token = Current;
        SegmentLiteral? value = token.Kind switch
        {
            TokenKind.Text => new TextLiteral(token.Text),
            TokenKind.Number => new NumberLiteral(token.Number),
            TokenKind.Word when token.Is("true") => new BooleanLiteral(true),
            TokenKind.Word when token.Is("false") => new BooleanLiteral(false),
            _ => null,
        };
        if (value is null)
        {
            Error(token.Span, token.Kind == TokenKind.Word && !Reserved.Any(token.Is)
                ? $"expected a value after {after}: put text in quotes, as in \"{token.Text}\""
                : $"expected a value after {after}, found {Describe(token)}");
            return null;
        }

        _position++;
        _spans[value] = token.Span;
        return value;
    }

    private SegmentExpression? ParseEvent()
    {
        _position++;
        var name = Quoted("an event name in quotes after \"performed\"");
        if (name is null)
        {
            return null;
        }

        EventCount? count = null;
        TimeWindow? window = null;
        SegmentExpression? where = null;
        while (true)
        {
            var token = Current;
            if (token.Is("at") || token.Is("exactly"))
            {
                _position++;
                var kind = CountKind.Exactly;
                var words = "\"exactly\"";
                if (token.Is("at"))
                {
                    if (!Current.Is("least") && !Current.Is("most"))
                    {
                        return Fail(Current.Span, $"expected \"least\" or \"most\" after \"at\", found {Describe(Current)}");
                    }

                    kind = Current.Is("least") ? CountKind.AtLeast : CountKind.AtMost;
                    words = kind == CountKind.AtLeast ? "\"at least\"" : "\"at most\"";
                    _position++;
                }

                if (Whole(words, 0) is not { } times)
                {
                    return null;
                }

                if (Current.Is("times") || Current.Is("time"))
                {
                    _position++;
                }

                if (count is not null)
                {
                    return Fail(token.Span, "the number of times is given twice");
                }

                count = new EventCount(kind, times);
            }
            else if (token.Is("in") && (_tokens[_position + 1].Is("last") || _tokens[_position + 1].Is("the")))
            {
                _position++;
                if (Current.Is("the"))
                {
                    _position++;
                }

                if (!Current.Is("last"))
                {
                    return Fail(Current.Span, $"expected \"last\" after \"in the\", found {Describe(Current)}");
                }

                _position++;
                if (Window("\"in last\"") is not { } parsed)
                {
                    return null;
                }

                if (window is not null)
                {
                    return Fail(token.Span, "the time window is given twice");
                }

                window = parsed;
            }
            else if (token.Is("where"))
            {
                _position++;
                if (where is not null)
                {
                    return Fail(token.Span, "\"where\" is given twice: join the filters with and, in parentheses");
                }

                where = ParseUnary(filter: true);
                if (where is null)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return Spanned(new EventCondition(name.Value.Text, count, window, where), name.Value.Span);
    }

    private TimeWindow? Window(string after)
    {
        if (Whole(after, 1) is not { } amount)
        {
            return null;
        }

        var unit = Current;
        TimeUnit? parsed = unit.Kind != TokenKind.Word ? null : unit.Text.ToLowerInvariant() switch
        {
            "day" or "days" => TimeUnit.Days,
            "hour" or "hours" => TimeUnit.Hours,
            "week" or "weeks" => TimeUnit.Weeks,
            _ => null,
        };
        if (parsed is null)
        {
            Error(unit.Span, $"expected \"days\", \"hours\" or \"weeks\" after {amount}, found {Describe(unit)}");
            return null;
        }

        _position++;
        return new TimeWindow(amount, parsed.Value);
    }

    private int? Whole(string after, int minimum)
    {
        var token = Current;
        if (token.Kind != TokenKind.Number)
        {
            Error(token.Span, $"expected a number after {after}, found {Describe(token)}");
            return null;
        }

        if (token.Number != Math.Floor(token.Number) || token.Number < minimum || token.Number > MaxCount)
        {
            Error(token.Span, $"expected a whole number from {minimum} to {MaxCount:N0} after {after}, found {token.Text}");
            return null;
        }

        _position++;
        return (int)token.Number;
    }

    private Token? Quoted(string what)
    {
        var token = Current;
        if (token.Kind != TokenKind.Text)
        {
            Error(token.Span, $"expected {what}, found {Describe(token)}");
            return null;
        }

        _position++;
        return token;
    }

    private bool Expect(TokenKind kind, string message)
    {
        if (Current.Kind != kind)
        {
            Error(Current.Span, message);
            return false;
        }

        _position++;
        return true;
    }

    private T Spanned<T>(T node, SourceSpan span)
        where T : notnull
    {
        _spans[node] = span;
        return node;
    }

    private SegmentExpression? Fail(SourceSpan span, string message)
    {
        Error(span, message);
        return null;
    }

    private void Error(SourceSpan span, string message)
    {
        _failed = true;
        _diagnostics.Add(_source.Error(span, message));
    }

    private string Position(SourceSpan span)
    {
        var at = _source.Error(span, string.Empty);
        return string.Create(CultureInfo.InvariantCulture, $"line {at.Line}, column {at.Column}");
    }

    private static string Describe(Token token) =>
        token.Kind == TokenKind.End ? "the end of the expression" : Truncate($"\"{token.Text}\"");

    private static string Truncate(string text) => text.Length <= 42 ? text : string.Concat(text.AsSpan(0, 40), "…\"");
}
