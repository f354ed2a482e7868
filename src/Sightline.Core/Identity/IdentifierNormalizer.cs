using PhoneNumbers;
using Sightline.Core.Standardization;

namespace Sightline.Core.Identity;

/// <summary>
/// Normalizes raw identifier values: e-mail and phone numbers as <see cref="Emails"/> and <see cref="Phones"/>
/// standardize them (phones read in <see cref="DefaultRegion"/> when they carry no country code), other ids trimmed.
/// Imports standardize with the same rules, so a live event and an imported row meet on one identifier.
/// </summary>
public sealed class IdentifierNormalizer(string? defaultRegion = null)
{
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();

    // libphonenumber takes tens of microseconds a number, and the same numbers come back with every identify call of
    // their owners; these remember the answers for the numbers seen lately.
    private static readonly RecentAnswers<(string Raw, string? Region), string?> Phones = new(100_000);
    private static readonly RecentAnswers<string, bool> FixedLines = new(100_000);

    /// <summary>ISO 3166 region for numbers written without a country code, such as <c>ES</c>; null accepts only international numbers.</summary>
    public string? DefaultRegion { get; } = defaultRegion?.ToUpperInvariant();

    /// <summary>The normalized identifier, or null when the raw value is not a usable one of its type.</summary>
    public Identifier? Normalize(string type, string? raw) => Normalize(type, raw, DefaultRegion);

    /// <summary>As <see cref="Normalize(string, string?)"/>, reading national phone numbers in <paramref name="region"/>.</summary>
    public static Identifier? Normalize(string type, string? raw, string? region)
    {
        var trimmed = raw?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var value = type switch
        {
            IdentifierTypes.Email => Email(trimmed),
            IdentifierTypes.Phone => Phone(trimmed, region?.ToUpperInvariant()),
            _ => trimmed,
        };
        return value is null ? null : new Identifier(type.ToLowerInvariant(), value);
    }

    /// <summary>True when a normalized phone number is a fixed line: a household's, not a person's.</summary>
    public static bool IsFixedLine(string e164) => FixedLines.Get(e164, FixedLine);

    private static bool FixedLine(string e164)
    {
        try
        {
            return PhoneUtil.GetNumberType(PhoneUtil.Parse(e164, null)) == PhoneNumberType.FIXED_LINE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static string? Email(string value) => Emails.TryStandardize(value, out var email, out _) ? email : null;

    private static string? Phone(string value, string? region) =>
        Phones.Get((value, region), key => Standardization.Phones.TryStandardize(key.Raw, key.Region, out var e164, out _) ? e164 : null);
}
