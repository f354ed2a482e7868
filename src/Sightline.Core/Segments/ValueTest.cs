using System.Globalization;

namespace Sightline.Core.Segments;

/// <summary>
/// The test one condition applies to a value, shared by traits and event properties. Two-valued: a missing value
/// (unset, JSON null, blank text, empty list) fails every test but <c>exists</c>'s negation, so <c>country != "ES"</c>
/// is false for a profile without a country while <c>not country = "ES"</c> is true.
/// </summary>
internal sealed class ValueTest
{
    private readonly ComparisonOperator _operator;
    private readonly CompiledLiteral? _literal;
    private readonly TimeSpan? _within;

    private ValueTest(ComparisonOperator op, CompiledLiteral? literal, TimeSpan? within)
    {
        _operator = op;
        _literal = literal;
        _within = within;
    }

    public static ValueTest Exists { get; } = new(default, null, null);

    public static ValueTest Compare(ComparisonOperator op, SegmentLiteral literal) => new(op, CompiledLiteral.From(literal), null);

    public static ValueTest Within(TimeSpan window) => new(default, null, window);

    public bool Test(SegmentValue value, DateTimeOffset now)
    {
        if (IsBlank(value))
        {
            return false;
        }

        if (_within is { } window)
        {
            return AsMoment(value) is { } moment && moment >= now - window && moment <= now;
        }

        if (_literal is not { } literal)
        {
            return true;
        }

        return _operator switch
        {
            ComparisonOperator.Equal => Equal(value, literal),
            ComparisonOperator.NotEqual => !Equal(value, literal),
            ComparisonOperator.Contains => Contains(value, literal),
            ComparisonOperator.StartsWith => value.Kind == SegmentValueKind.Text && TextMatch.StartsWith(value.TextUnchecked, literal.Folded),
            ComparisonOperator.In => In(value, literal),
            ComparisonOperator.NotIn => !In(value, literal),
            _ => Ordered(value, literal),
        };
    }

    private static bool IsBlank(SegmentValue value) => value.Kind switch
    {
        SegmentValueKind.Missing => true,
        SegmentValueKind.Text => string.IsNullOrWhiteSpace(value.TextUnchecked),
        SegmentValueKind.List => value.ListUnchecked.Count == 0,
        _ => false,
    };

    private static DateTimeOffset? AsMoment(SegmentValue value) => value.Kind switch
    {
        SegmentValueKind.Date => value.DateUnchecked,
        SegmentValueKind.Text when SegmentDates.TryParse(value.TextUnchecked, out var start, out _) => start,
        _ => null,
    };

    private static bool Equal(SegmentValue value, CompiledLiteral literal) => value.Kind switch
    {
        SegmentValueKind.Text => literal.Kind switch
        {
            SegmentValueKind.Text => TextMatch.Equal(value.TextUnchecked, literal.Folded)
                || (literal.IsDate && SegmentDates.TryParse(value.TextUnchecked, out var start, out _) && start >= literal.DateStart && start < literal.DateEnd),
            SegmentValueKind.Number => TryNumber(value.TextUnchecked, out var n) && n == literal.Number,
            SegmentValueKind.Boolean => bool.TryParse(value.TextUnchecked.AsSpan().Trim(), out var b) && b == literal.Boolean,
            _ => false,
        },
        SegmentValueKind.Number => literal.Number == value.NumberUnchecked,
        SegmentValueKind.Boolean => literal.Boolean == (value.NumberUnchecked != 0),
        SegmentValueKind.Date => literal.IsDate && value.DateUnchecked >= literal.DateStart && value.DateUnchecked < literal.DateEnd,
        _ => false,
    };

    private static bool Contains(SegmentValue value, CompiledLiteral literal)
    {
        if (value.Kind == SegmentValueKind.List)
        {
            // Indexing, not foreach: enumerating through the interface would allocate on every evaluation.
            var elements = value.ListUnchecked;
            for (var i = 0; i < elements.Count; i++)
            {
                if (!IsBlank(elements[i]) && Equal(elements[i], literal))
                {
                    return true;
                }
            }

            return false;
        }

        return value.Kind == SegmentValueKind.Text && TextMatch.Contains(value.TextUnchecked, literal.Folded);
    }

    private static bool In(SegmentValue value, CompiledLiteral literal)
    {
        foreach (var item in literal.Items)
        {
            if (value.Kind == SegmentValueKind.List ? Contains(value, item) : Equal(value, item))
            {
                return true;
            }
        }

        return false;
    }

    private bool Ordered(SegmentValue value, CompiledLiteral literal)
    {
        switch (value.Kind)
        {
            case SegmentValueKind.Number when literal.Number is { } number:
                return Holds(value.NumberUnchecked.CompareTo(number));
            case SegmentValueKind.Date when literal.IsDate:
                return InDateOrder(value.DateUnchecked, literal);
            case SegmentValueKind.Text:
                var text = value.TextUnchecked;
                if (literal.Kind == SegmentValueKind.Number)
                {
                    return TryNumber(text, out var n) && Holds(n.CompareTo(literal.Number!.Value));
                }

                if (literal.IsDate)
                {
                    return SegmentDates.TryParse(text, out var start, out _) && InDateOrder(start, literal);
                }

                return literal.Kind == SegmentValueKind.Text && Holds(TextMatch.Compare(text, literal.Folded));
            default:
                return false;
        }
    }

    private bool InDateOrder(DateTimeOffset moment, CompiledLiteral literal) => _operator switch
    {
        ComparisonOperator.Less or ComparisonOperator.Before => moment < literal.DateStart,
        ComparisonOperator.LessOrEqual => moment < literal.DateEnd,
        ComparisonOperator.Greater or ComparisonOperator.After => moment >= literal.DateEnd,
        _ => moment >= literal.DateStart,
    };

    private bool Holds(int order) => _operator switch
    {
        ComparisonOperator.Less or ComparisonOperator.Before => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater or ComparisonOperator.After => order > 0,
        _ => order >= 0,
    };

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
