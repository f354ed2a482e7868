using PhoneNumbers;

namespace Sightline.Core.Identity;

/// <summary>
/// Normalizes raw identifier values: e-mail trimmed and lower-cased, phone numbers to E.164
/// (read in <see cref="DefaultRegion"/> when they carry no country code), other ids trimmed.
/// </summary>
public sealed class IdentifierNormalizer(string? defaultRegion = null)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

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
    public static bool IsFixedLine(string e164)
    {
        try
        {
            return Phones.GetNumberType(Phones.Parse(e164, null)) == PhoneNumberType.FIXED_LINE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static string? Email(string value)
    {
        var email = value.ToLowerInvariant();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace) ? email : null;
    }

    private static string? Phone(string value, string? region)
    {
        try
        {
            var number = Phones.Parse(value, value.StartsWith('+') ? null : region);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
