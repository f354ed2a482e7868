using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace Sightline.Core.Standardization;

/// <summary>Phone numbers as stored and matched: E.164 ("+34600123456"), validated with libphonenumber's metadata.</summary>
public static class Phones
{
    // Longer input is not a phone number; libphonenumber would refuse it anyway, after more work.
    private const int MaxLength = 100;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly HashSet<string> Regions = [.. Util.GetSupportedRegions()];

    /// <summary>
    /// Standardizes <paramref name="raw"/> to E.164. A number written with "+" or the "00" international prefix
    /// carries its country; any other is read in <paramref name="defaultRegion"/> (ISO 3166 alpha-2, such as "ES";
    /// null accepts only international numbers). Spaces, dots, dashes and brackets are ignored; an extension is dropped.
    /// Fails with a short reason when the number is not a valid one for its country.
    /// </summary>
    public static bool TryStandardize(string raw, string? defaultRegion, [NotNullWhen(true)] out string? e164, [NotNullWhen(false)] out string? error)
    {
        e164 = null;
        var value = Text.TrimAll(raw ?? string.Empty);
        if (value.Length == 0)
        {
            error = "empty phone number";
            return false;
        }

        if (value.Length > MaxLength)
        {
            error = $"{Quote.Of(value)} is too long for a phone number";
            return false;
        }

        if (value.StartsWith("00", StringComparison.Ordinal))
        {
            value = "+" + value[2..];
        }

        var international = value.StartsWith('+') || value.StartsWith('＋');
        var region = defaultRegion is null ? null : Text.TrimAll(defaultRegion).ToUpperInvariant();
        if (!international)
        {
            if (string.IsNullOrEmpty(region))
            {
                error = $"{Quote.Of(value)} has no country code and no default region";
                return false;
            }

            if (!Regions.Contains(region))
            {
                error = $"unknown phone region {Quote.Of(region)}";
                return false;
            }
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(value, international ? null : region);
        }
        catch (NumberParseException exception)
        {
            error = $"{Quote.Of(value)} {Reason(exception.ErrorType)}";
            return false;
        }

        if (!Util.IsValidNumber(number))
        {
            var numberRegion = Util.GetRegionCodeForNumber(number) ?? Util.GetRegionCodeForCountryCode(number.CountryCode);
            error = numberRegion is null or "ZZ"
                ? $"{Quote.Of(value)} has an unknown country code +{number.CountryCode}"
                : $"{Quote.Of(value)} is not a valid number for region {numberRegion}";
            return false;
        }

        e164 = Util.Format(number, PhoneNumberFormat.E164);
        error = null;
        return true;
    }

    private static string Reason(ErrorType type) => type switch
    {
        ErrorType.INVALID_COUNTRY_CODE => "has an unknown country code",
        ErrorType.NOT_A_NUMBER => "is not a phone number",
        ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => "is too short for a phone number",
        ErrorType.TOO_LONG => "is too long for a phone number",
        _ => "is not a phone number",
    };
}
