using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sightline.Core.Standardization;

/// <summary>Money amounts as written in exports, in any common digit grouping, with the currency they name.</summary>
public static class Amounts
{
    private const int MaxLength = 100;
    private const int MaxDigits = 28;

    // Spaces (plain, no-break, thin) and apostrophes (Swiss "1'234.50") only ever group thousands.
    private static readonly char[] Separators = [' ', '\u00A0', '\u202F', '\u2009', '\'', '’', '.', ','];

    /// <summary>
    /// Parses <paramref name="raw"/> such as "1.234,56", "1,234.56", "1 234,56", "€12,50", "12.50 EUR", "-3,5",
    /// "(12.00)" (negative) or "$1,200". With both '.' and ',' the last one is the decimal separator. A single
    /// separator followed by exactly three digits is ambiguous: <paramref name="decimalSeparator"/> decides, else a
    /// currency with three minor units (KWD) reads it as decimal, else it groups thousands ("1.234" is 1234). Any
    /// other single separator is decimal. The currency is the one written in the text, else
    /// <paramref name="defaultCurrency"/>; a bare "$" is the default currency when that is a dollar or peso, else
    /// USD. With a currency the amount is rounded to its minor units, half away from zero.
    /// </summary>
    public static bool TryParse(string raw, string? defaultCurrency, char? decimalSeparator, out decimal amount, out string? currency, [NotNullWhen(false)] out string? error)
    {
        amount = 0;
        currency = null;
        var text = Text.TrimAll(raw ?? string.Empty);
        if (text.Length == 0)
        {
            error = "empty amount";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"{Quote.Of(text)} is too long for an amount";
            return false;
        }

        var first = IndexOfDigit(text, 0, 1);
        if (first < 0)
        {
            error = $"{Quote.Of(text)} has no digits";
            return false;
        }

        var last = IndexOfDigit(text, text.Length - 1, -1);
        var outside = text[..first] + " " + text[(last + 1)..];
        // A separator just before the first digit belongs to the number: ".5", ",50".
        if (first > 0 && text[first - 1] is '.' or ',')
        {
            first--;
            outside = text[..first] + " " + text[(last + 1)..];
        }

        if (!ReadOutside(text, outside, defaultCurrency, out var negative, out currency, out error)
            || !ReadNumber(text, text[first..(last + 1)], decimalSeparator, currency, out amount, out error))
        {
            currency = null;
            return false;
        }

        if (negative)
        {
            amount = -amount;
        }

        if (currency is not null)
        {
            amount = Math.Round(amount, Currencies.MinorUnits(currency), MidpointRounding.AwayFromZero);
        }

        return true;
    }

    private static int IndexOfDigit(string text, int start, int step)
    {
        for (var i = start; i >= 0 && i < text.Length; i += step)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // The sign, brackets and currency written around the number.
    private static bool ReadOutside(string text, string outside, string? defaultCurrency, out bool negative, out string? currency, [NotNullWhen(false)] out string? error)
    {
        currency = null;
        var minus = outside.Count(c => c is '-' or '−');
        var open = outside.Count(c => c == '(');
        var close = outside.Count(c => c == ')');
        negative = minus == 1 || (open == 1 && close == 1);
        if (minus > 1 || open != close || open > 1 || (minus == 1 && open == 1))
        {
            error = $"{Quote.Of(text)} has a misplaced sign or bracket";
            return false;
        }

        var written = Text.TrimAll(new string([.. outside.Where(c => c is not ('-' or '−' or '+' or '(' or ')'))]));
        written = string.Join(' ', written.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string? fallback = null;
        if (!string.IsNullOrWhiteSpace(defaultCurrency) && !Currencies.TryStandardize(defaultCurrency, out fallback, out error))
        {
            return false;
        }

        if (written.Length == 0)
        {
            currency = fallback;
        }
        else if (written == "$")
        {
            currency = fallback is not null && Currencies.UsesDollarSign(fallback) ? fallback : "USD";
        }
        else if (!Currencies.TryStandardize(written, out currency, out var unknown))
        {
            error = written.Any(char.IsAsciiDigit) || written.Length > 12 ? $"{Quote.Of(text)} is not an amount" : unknown;
            return false;
        }

        error = null;
        return true;
    }

    private static bool ReadNumber(string text, string number, char? hint, string? currency, out decimal amount, [NotNullWhen(false)] out string? error)
    {
        amount = 0;
        var digits = 0;
        foreach (var c in number)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!IsGroupSeparator(c) && c is not ('.' or ','))
            {
                error = $"{Quote.Of(text)} is not an amount";
                return false;
            }
        }

        if (digits > MaxDigits)
        {
            error = $"{Quote.Of(text)} has too many digits";
            return false;
        }

        var decimalAt = DecimalSeparatorIndex(number, hint, currency);
        var integer = decimalAt < 0 ? number : number[..decimalAt];
        var fraction = decimalAt < 0 ? string.Empty : number[(decimalAt + 1)..];
        if (!fraction.All(char.IsAsciiDigit))
        {
            error = $"{Quote.Of(text)} has separators after its decimal point";
            return false;
        }

        var grouped = Ungroup(integer);
        if (grouped is null)
        {
            error = $"{Quote.Of(text)} has misplaced thousands separators";
            return false;
        }

        var canonical = (grouped.Length == 0 ? "0" : grouped) + (fraction.Length == 0 ? string.Empty : "." + fraction);
        if (!decimal.TryParse(canonical, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            error = $"{Quote.Of(text)} is too large";
            return false;
        }

        error = null;
        return true;
    }

    // The index of the decimal separator in number, or -1 when every separator groups thousands.
    private static int DecimalSeparatorIndex(string number, char? hint, string? currency)
    {
        var lastDot = number.LastIndexOf('.');
        var lastComma = number.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            return Math.Max(lastDot, lastComma);
        }

        var at = Math.Max(lastDot, lastComma);
        if (at < 0)
        {
            return -1;
        }

        var separator = number[at];
        if (number.IndexOf(separator, StringComparison.Ordinal) != at)
        {
            // Written more than once: "1.234.567".
            return -1;
        }

        var after = number.Length - at - 1;
        if (after != 3 || !number[..at].Any(char.IsAsciiDigit) || number[..at].Trim('0').Length == 0)
        {
            return at;
        }

        if (hint is { } decimalSeparator)
        {
            return decimalSeparator == separator ? at : -1;
        }

        return currency is not null && Currencies.MinorUnits(currency) == 3 ? at : -1;
    }

    // The integer digits without their grouping, or null when the groups are not of three after the first.
    private static string? Ungroup(string integer)
    {
        var groups = integer.Split(Separators);
        if (groups.Length == 1)
        {
            return groups[0];
        }

        if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
        {
            return null;
        }

        return string.Concat(groups);
    }

    private static bool IsGroupSeparator(char c) => c is not ('.' or ',') && Separators.Contains(c);
}
