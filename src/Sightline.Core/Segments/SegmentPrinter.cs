using System.Globalization;
using System.Text;

namespace Sightline.Core.Segments;

/// <summary>
/// Writes an expression in canonical form: lower-case keywords, one space between tokens, parentheses only where
/// precedence needs them. Parsing the printed text gives back an equal expression.
/// </summary>
public static class SegmentPrinter
{
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int UnaryLevel = 3;

    /// <summary>The canonical text of <paramref name="expression"/>.</summary>
    public static string Print(SegmentExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new StringBuilder();
        Write(builder, expression, OrLevel);
        return builder.ToString();
    }

    /// <summary>The canonical text of a literal: quoted and escaped text, invariant numbers, lists in brackets.</summary>
    public static string Print(SegmentLiteral literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var builder = new StringBuilder();
        Write(builder, literal);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, SegmentExpression expression, int level)
    {
        var own = expression switch
        {
            AnyOf => OrLevel,
            AllOf => AndLevel,
            Negation => UnaryLevel,
            _ => UnaryLevel + 1,
        };
        var parenthesize = own < level;
        if (parenthesize)
        {
            builder.Append('(');
        }

        switch (expression)
        {
            case AnyOf any:
                Join(builder, any.Operands, " or ", OrLevel + 1);
                break;
            case AllOf all:
                Join(builder, all.Operands, " and ", AndLevel + 1);
                break;
            case Negation negation:
                builder.Append("not ");
                Write(builder, negation.Operand, UnaryLevel);
                break;
            case Comparison comparison:
                builder.Append(comparison.Name).Append(' ').Append(Operator(comparison.Operator)).Append(' ');
                Write(builder, comparison.Value);
                break;
            case ExistsCheck exists:
                builder.Append(exists.Name).Append(" exists");
                break;
            case WithinCheck within:
                builder.Append(within.Name).Append(" within ");
                Write(builder, within.Window);
                break;
            case SegmentReference reference:
                builder.Append("in segment ");
                WriteText(builder, reference.SegmentName);
                break;
            case ConsentCheck consent:
                builder.Append("consent(");
                WriteText(builder, consent.Purpose);
                builder.Append(')');
                break;
            case EventCondition performed:
                WriteEvent(builder, performed);
                break;
            default:
                throw new ArgumentException($"unknown expression node {expression.GetType().Name}", nameof(expression));
        }

        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static void Join(StringBuilder builder, IReadOnlyList<SegmentExpression> operands, string separator, int level)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            Write(builder, operands[i], level);
        }
    }

    private static void WriteEvent(StringBuilder builder, EventCondition performed)
    {
        builder.Append("performed ");
        WriteText(builder, performed.EventName);
        if (performed.Count is { } count)
        {
            builder.Append(count.Kind switch
            {
                CountKind.AtMost => " at most ",
                CountKind.Exactly => " exactly ",
                _ => " at least ",
            }).Append(count.Times.ToString(CultureInfo.InvariantCulture)).Append(count.Times == 1 ? " time" : " times");
        }

        if (performed.Window is { } window)
        {
            builder.Append(" in last ");
            Write(builder, window);
        }

        if (performed.Where is { } where)
        {
            // A filter is bare only when it is one condition; anything larger is in parentheses, so that an "and"
            // after it clearly belongs to the outer expression.
            builder.Append(" where ");
            var bare = where is Comparison or ExistsCheck or WithinCheck || (where is Negation { Operand: Comparison or ExistsCheck or WithinCheck });
            if (!bare)
            {
                builder.Append('(');
            }

            Write(builder, where, OrLevel);
            if (!bare)
            {
                builder.Append(')');
            }
        }
    }

    private static void Write(StringBuilder builder, TimeWindow window) =>
        builder.Append(window.Amount.ToString(CultureInfo.InvariantCulture)).Append(window.Unit switch
        {
            TimeUnit.Hours => window.Amount == 1 ? " hour" : " hours",
            TimeUnit.Weeks => window.Amount == 1 ? " week" : " weeks",
            _ => window.Amount == 1 ? " day" : " days",
        });

    private static void Write(StringBuilder builder, SegmentLiteral literal)
    {
        switch (literal)
        {
            case TextLiteral text:
                WriteText(builder, text.Value);
                break;
            case NumberLiteral number:
                builder.Append(number.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case BooleanLiteral boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            case ListLiteral list:
                builder.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(builder, list.Items[i]);
                }

                builder.Append(']');
                break;
            default:
                throw new ArgumentException($"unknown literal {literal.GetType().Name}", nameof(literal));
        }
    }

    internal static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Contains => "contains",
        ComparisonOperator.StartsWith => "starts with",
        ComparisonOperator.In => "in",
        ComparisonOperator.NotIn => "not in",
        ComparisonOperator.Before => "before",
        _ => "after",
    };

    private static void WriteText(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lone = char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) || lone || c is '\u2028' or '\u2029' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => null,
            };
            if (escape is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(escape);
            }
        }

        builder.Append('"');
    }
}
