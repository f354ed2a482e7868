using System.Globalization;
using System.Text.Json;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// One condition on an event's property, such as <c>total &gt; 50</c> or <c>channel in [store, online]</c>. Numbers
/// compare numerically (numeric text counts as a number), other text ordinally; a missing property fails every
/// operator but <see cref="FilterOperator.Ne"/> and <c>exists: false</c>.
/// </summary>
public sealed record PropertyFilter
{
    private readonly decimal?[] _numbers;

    public PropertyFilter(PropertyPath path, FilterOperator op, IReadOnlyList<string> operands)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(operands);
        Path = path;
        Operator = op;
        Operands = [.. operands];
        _numbers = [.. operands.Select(ParseNumber)];
    }

    public PropertyPath Path { get; }

    public FilterOperator Operator { get; }

    /// <summary>The operands as text: one for comparisons, several for <c>in</c>, <c>true</c>/<c>false</c> for <c>exists</c>.</summary>
    public IReadOnlyList<string> Operands { get; }

    /// <summary>A text form that changes exactly when the filter's meaning does; part of the fingerprint.</summary>
    public string Canonical => $"{Path.Text} {Operator.ToString().ToLowerInvariant()} [{string.Join("\u001f", Operands)}]";

    public bool Equals(PropertyFilter? other) => other is not null && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    internal bool Matches(TraitEvent message)
    {
        var present = Path.TryRead(message, out var value);
        switch (Operator)
        {
            case FilterOperator.Exists:
                return present == (Operands[0] == "true");
            case FilterOperator.Ne:
                return !present || !EqualsOperand(value, 0);
            case FilterOperator.Eq:
                return present && EqualsOperand(value, 0);
            case FilterOperator.In:
                if (!present)
                {
                    return false;
                }

                for (var i = 0; i < Operands.Count; i++)
                {
                    if (EqualsOperand(value, i))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return present && Compare(value) is { } order && Operator switch
                {
                    FilterOperator.Gt => order > 0,
                    FilterOperator.Gte => order >= 0,
                    FilterOperator.Lt => order < 0,
                    _ => order <= 0,
                };
        }
    }

    /// <summary>A JSON number, or text that reads as one in the invariant culture.</summary>
    internal static bool TryNumber(JsonElement value, out decimal number)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out number);
        }

        if (value.ValueKind == JsonValueKind.String && ParseNumber(value.GetString()!) is { } parsed)
        {
            number = parsed;
            return true;
        }

        number = 0;
        return false;
    }

    private bool EqualsOperand(JsonElement value, int index) => value.ValueKind switch
    {
        JsonValueKind.String => value.ValueEquals(Operands[index]),
        JsonValueKind.Number => _numbers[index] is { } operand && value.TryGetDecimal(out var number) && number == operand,
        JsonValueKind.True => Operands[index] == "true",
        JsonValueKind.False => Operands[index] == "false",
        _ => false,
    };

    private int? Compare(JsonElement value)
    {
        if (_numbers[0] is { } operand && TryNumber(value, out var number))
        {
            return number.CompareTo(operand);
        }

        return value.ValueKind == JsonValueKind.String ? string.CompareOrdinal(value.GetString(), Operands[0]) : null;
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
