using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Sightline.Core.Standardization;

/// <summary>Postal codes in each country's written form: "08001" (ES), "12345-6789" (US), "SW1A 1AA" (GB).</summary>
public static partial class PostalCodes
{
    private const int MaxLength = 30;

    /// <summary>
    /// Standardizes <paramref name="raw"/> by <paramref name="country"/>'s rules (any form
    /// <see cref="Countries.TryStandardize"/> reads): ES, MX, FR, DE and IT 5 digits, and ES's province 01–52; a
    /// 4-digit code gets back the leading zero a spreadsheet dropped ("8001" → "08001"; US too); US "12345" or
    /// "12345-6789"; GB "SW1A 1AA"; CA "K1A 0B1"; PT "1234-567"; NL "1234 AB"; AR "1425" or "C1425DKF"; CO 6 digits;
    /// CL 7; PE 5; BR "12345-678". Spaces, dots and hyphens in the input are ignored where the form does not use
    /// them. Another or no country: upper-cased, inner spaces collapsed, 2 to 10 letters, digits, spaces or hyphens.
    /// </summary>
    public static bool TryStandardize(string raw, string? country, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        var value = string.Join(' ', Text.TrimAll(raw ?? string.Empty).ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            error = "empty postal code";
            return false;
        }

        string? iso2 = null;
        if (!string.IsNullOrWhiteSpace(country) && !Countries.TryStandardize(country, out iso2, out error))
        {
            return false;
        }

        if (value.Length > MaxLength)
        {
            error = $"{Quote.Of(value)} is too long for a postal code";
            return false;
        }

        var compact = new string([.. value.Where(c => c is not (' ' or '-' or '.'))]);
        (code, var form) = iso2 switch
        {
            "ES" => (Spain(compact), "5 digits, province 01–52"),
            "US" => (UnitedStates(compact), "12345 or 12345-6789"),
            "MX" or "FR" or "DE" or "IT" => (Digits(compact.Length == 4 ? "0" + compact : compact, 5), "5 digits"),
            "GB" => (Britain(compact), "like SW1A 1AA"),
            "CA" => (CanadaPattern().IsMatch(compact) ? $"{compact[..3]} {compact[3..]}" : null, "like K1A 0B1"),
            "PT" => (Digits(compact, 7) is { } pt ? $"{pt[..4]}-{pt[4..]}" : null, "1234-567"),
            "NL" => (NetherlandsPattern().IsMatch(compact) ? $"{compact[..4]} {compact[4..]}" : null, "like 1234 AB"),
            "AR" => (Digits(compact, 4) ?? (ArgentinaPattern().IsMatch(compact) ? compact : null), "1234 or like C1425DKF"),
            "CO" => (Digits(compact, 6), "6 digits"),
            "CL" => (Digits(compact, 7), "7 digits"),
            "PE" => (Digits(compact, 5), "5 digits"),
            "BR" => (Digits(compact, 8) is { } br ? $"{br[..5]}-{br[5..]}" : null, "12345-678"),
            _ => (OtherPattern().IsMatch(value) ? value : null, "2 to 10 letters, digits, spaces or hyphens"),
        };

        if (code is null)
        {
            error = iso2 is null
                ? $"{Quote.Of(value)} is not a postal code ({form})"
                : $"{Quote.Of(value)} is not a postal code for {iso2} ({form})";
            return false;
        }

        error = null;
        return true;
    }

    private static string? Digits(string compact, int length) =>
        compact.Length == length && compact.All(char.IsAsciiDigit) ? compact : null;

    private static string? Spain(string compact)
    {
        var digits = Digits(compact.Length == 4 ? "0" + compact : compact, 5);
        return digits is not null && int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 52
            ? digits
            : null;
    }

    private static string? UnitedStates(string compact)
    {
        if (Digits(compact.Length == 4 ? "0" + compact : compact, 5) is { } zip)
        {
            return zip;
        }

        return Digits(compact, 9) is { } zip4 ? $"{zip4[..5]}-{zip4[5..]}" : null;
    }

    private static string? Britain(string compact)
    {
        if (compact == "GIR0AA")
        {
            return "GIR 0AA";
        }

        return BritainPattern().IsMatch(compact) ? $"{compact[..^3]} {compact[^3..]}" : null;
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex BritainPattern();

    [GeneratedRegex("^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]$")]
    private static partial Regex CanadaPattern();

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex NetherlandsPattern();

    [GeneratedRegex("^[A-Z][0-9]{4}[A-Z]{3}$")]
    private static partial Regex ArgentinaPattern();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$")]
    private static partial Regex OtherPattern();
}
