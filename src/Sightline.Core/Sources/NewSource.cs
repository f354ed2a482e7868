using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Sightline.Core.Sources;

/// <summary>A request to register a source, validated before it reaches storage.</summary>
public sealed partial record NewSource(string Name, SourceKind Kind, int Trust, string WriteKey)
{
    /// <summary>Region for this source's phone numbers written without a country code (ISO 3166, such as ES), or null.</summary>
    public string? PhoneRegion { get; init; }

    /// <summary>Trait names whose values are identifiers of a type of the same name (such as <c>loyalty_card</c>).</summary>
    public IReadOnlyList<string> IdentifierTraits { get; init; } = [];

    /// <summary>Default trust of a customer-direct source.</summary>
    public const int DirectTrust = 80;

    /// <summary>Default trust of a third-party source, ranked below direct data.</summary>
    public const int ThirdPartyTrust = 40;

    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// Validates the parts of a new source, filling in the trust for its kind and a random write key
    /// when they are not given. Returns the field and reason of the first problem.
    /// </summary>
    public static SourceValidation Create(
        string? name, string? kind, int? trust, string? writeKey, string? phoneRegion = null, IReadOnlyList<string>? identifierTraits = null)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            return SourceValidation.Fail("name", "must be 1 to 64 characters: lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }

        if (!TryParseKind(kind ?? "customer-direct", out var parsedKind))
        {
            return SourceValidation.Fail("kind", $"\"{kind}\" is not customer-direct or third-party");
        }

        if (trust is < 0 or > 100)
        {
            return SourceValidation.Fail("trust", "must be between 0 and 100");
        }

        if (writeKey is not null && !WriteKeyPattern().IsMatch(writeKey))
        {
            return SourceValidation.Fail("writeKey", "must be 8 to 128 printable ASCII characters without spaces or ':'");
        }

        if (phoneRegion is not null && !PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(phoneRegion.ToUpperInvariant()))
        {
            return SourceValidation.Fail("phoneRegion", $"\"{phoneRegion}\" is not a region code such as ES, MX or US");
        }

        if (identifierTraits?.FirstOrDefault(t => !TraitPattern().IsMatch(t)) is { } badTrait)
        {
            return SourceValidation.Fail("identifierTraits", $"\"{badTrait}\" is not a trait name: lower-case letters, digits and '_', starting with a letter");
        }

        return SourceValidation.Ok(new NewSource(
            name,
            parsedKind,
            trust ?? (parsedKind == SourceKind.CustomerDirect ? DirectTrust : ThirdPartyTrust),
            writeKey ?? RandomNumberGenerator.GetString(KeyAlphabet, 32))
        {
            PhoneRegion = phoneRegion?.ToUpperInvariant(),
            IdentifierTraits = identifierTraits?.Distinct(StringComparer.Ordinal).ToArray() ?? [],
        });
    }

    /// <summary>The wire name of a kind: <c>customer-direct</c> or <c>third-party</c>.</summary>
    public static string KindName(SourceKind kind) => kind == SourceKind.CustomerDirect ? "customer-direct" : "third-party";

    /// <summary>Parses a kind known to be valid, such as one read back from storage.</summary>
    public static SourceKind ParseKind(string value) =>
        TryParseKind(value, out var kind) ? kind : throw new FormatException($"\"{value}\" is not a source kind.");

    /// <summary>Parses <c>customer-direct</c> or <c>third-party</c>.</summary>
    public static bool TryParseKind(string value, out SourceKind kind)
    {
        kind = value switch
        {
            "customer-direct" => SourceKind.CustomerDirect,
            "third-party" => SourceKind.ThirdParty,
            _ => (SourceKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex TraitPattern();

    [GeneratedRegex("^[!-9;-~]{8,128}$")]
    private static partial Regex WriteKeyPattern();
}
