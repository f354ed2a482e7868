using System.Text.RegularExpressions;
using CsCheck;
using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

/// <summary>
/// Every normalizer fed random and hostile text: it never throws, what it accepts is canonical, and standardizing
/// its own output changes nothing.
/// </summary>
public sealed partial class StandardizationProperties
{
    private const long Iterations = 1_500;

    private static readonly string[] Pieces =
    [
        "", " ", "  ", "\t", "\r\n", "\u00A0", "\u200B", "\u200E", "\u200F", "\u202E", "\uFEFF", "\u0000", "\u0007", "\u001B",
        "\uD800", "\uDC00", "\uD83D\uDE00", "\u0301", "\u0303", "@", "@@", ".", "..", ",", "-", "--", "+", "00", "(", ")",
        "'", "\"", "<", ">", "mailto:", "$", "€", "£", "¥", "R$", "S/", "EUR", "usd", "eur", "%", "/", ":", "T", "Z", "+01:00",
        "a", "A", "z", "é", "É", "ñ", "Ñ", "ß", "İ", "ı", "ǅ", "Σ", "ς", "中国", "ا", "0", "1", "9", "12", "123", "1234",
        "12345", "600123456", "+34", "34", "de", "DE", "la", "del", "van", "der", "y", "mc", "Mc", "o'", "O'", "josé", "JOSÉ",
        "maría", "María", "garcía", "López", "ana", "gmail", "com", "es", "x", "ES", "España", "EE. UU.", "MX", "GB",
        "SW1A", "1AA", "K1A", "0B1", "1234AB", "C1425DKF", "2024", "-03-", "15/03/", "T12:30:00", "31", "02",
    ];

    // Values each normalizer accepts, so that hostile text around them also reaches the success paths.
    private static readonly string[] Plausible =
    [
        "Ana.Gomez@Shop.ES", "mailto:luis@correo.com.mx", "<pepe@empresa.es>", "+34 600 12 34 56", "600123456",
        "(212) 555-0123", "0034600123456", "José María García López", "GARCÍA LÓPEZ, JOSÉ MARÍA", "ana de la fuente",
        "15/03/2024", "20240715", "2024-07-15T18:30:00Z", "2024-03-31 02:30", "España", "EE. UU.", "724", "peso mexicano",
        "€12,50", "1.234,56", "(12.00)", "$1,200", "8001", "sw1a1aa", "1012ab", "C1425DKF", "12345-6789",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.Select(Gen.OneOf(Pieces), Gen.OneOf(Plausible), Gen.OneOf(Pieces), (before, value, after) => before + value + after),
        Gen.Char.Array[0, 40].Select(chars => new string(chars)),
        Gen.OneOf(Pieces).Array[0, 12].Select(parts => string.Concat(parts)),
        Gen.OneOf(Pieces).Array[0, 8].Select(Gen.Int[0, 3_000], (parts, n) => string.Concat(parts) + new string('9', n)));

    private static readonly Gen<string?> Region = Gen.OneOf<string?>(null, "ES", "es", "US", "MX", "AR", "XX", "", "E\u0000S");

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [Fact]
    public void Emails_are_lower_case_with_one_at_and_stable() =>
        Hostile.Sample(raw =>
        {
            if (Emails.TryStandardize(raw, out var email, out var error))
            {
                error.ShouldBeNull();
                email.ShouldBe(email.ToLowerInvariant());
                email.Count(c => c == '@').ShouldBe(1);
                email.Any(char.IsWhiteSpace).ShouldBeFalse();
                email.Length.ShouldBeLessThanOrEqualTo(254);
                Emails.TryStandardize(email, out var again, out _).ShouldBeTrue();
                again.ShouldBe(email);
            }
            else
            {
                ShouldBeShortError(error, email);
            }
        }, iter: Iterations);

    [Fact]
    public void Phones_are_e164_and_stable() =>
        Gen.Select(Hostile, Region).Sample((raw, region) =>
        {
            if (Phones.TryStandardize(raw, region, out var e164, out var error))
            {
                E164().IsMatch(e164).ShouldBeTrue(e164);
                Phones.TryStandardize(e164, null, out var again, out _).ShouldBeTrue();
                again.ShouldBe(e164);
            }
            else
            {
                ShouldBeShortError(error, e164);
            }
        }, iter: Iterations);

    [Fact]
    public void Clean_is_idempotent_and_leaves_no_control_characters() =>
        Hostile.Sample(raw =>
        {
            var cleaned = PersonNames.Clean(raw);
            PersonNames.Clean(cleaned).ShouldBe(cleaned);
            cleaned.ShouldBe(cleaned.Trim());
            cleaned.Contains("  ", StringComparison.Ordinal).ShouldBeFalse();
            cleaned.Any(char.IsControl).ShouldBeFalse();
        }, iter: Iterations);

    [Fact]
    public void Split_words_come_from_the_input() =>
        Hostile.Sample(raw =>
        {
            var name = PersonNames.Split(raw);
            var source = Words(PersonNames.Clean(raw).Replace(',', ' '));
            foreach (var word in Words(name.GivenName).Concat(Words(name.Surname)))
            {
                source.ShouldContain(word);
            }

            (name.GivenName is null || name.GivenName.Length > 0).ShouldBeTrue();
            (name.Surname is null || name.Surname.Length > 0).ShouldBeTrue();
        }, iter: Iterations);

    [Fact]
    public void Dates_never_throw_and_round_trip_through_iso_8601() =>
        Hostile.Sample(raw =>
        {
            if (Dates.TryParse(raw, ["dd/MM/yyyy", "yyyyMMdd", "MM/dd/yyyy HH:mm", "", "%"], TimeZoneInfo.Utc, out var value, out var error))
            {
                var iso = value.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
                Dates.TryParse(iso, [], TimeZoneInfo.Utc, out var again, out _).ShouldBeTrue(iso);
                again.ShouldBe(value);
            }
            else
            {
                ShouldBeShortError(error, null);
            }

            if (Dates.TryParseDate(raw, ["dd/MM/yyyy"], out var date, out var dateError))
            {
                date.Year.ShouldBeGreaterThanOrEqualTo(1880);
            }
            else
            {
                ShouldBeShortError(dateError, null);
            }
        }, iter: Iterations);

    [Fact]
    public void Countries_are_known_alpha_2_codes_and_stable() =>
        Hostile.Sample(raw =>
        {
            if (Countries.TryStandardize(raw, out var iso2, out var error))
            {
                Countries.All.ShouldContain(iso2);
                Countries.TryStandardize(iso2, out var again, out _).ShouldBeTrue();
                again.ShouldBe(iso2);
            }
            else
            {
                ShouldBeShortError(error, iso2);
            }
        }, iter: Iterations);

    [Fact]
    public void Currencies_are_known_codes_and_stable() =>
        Hostile.Sample(raw =>
        {
            if (Currencies.TryStandardize(raw, out var code, out var error))
            {
                CurrencyCode().IsMatch(code).ShouldBeTrue(code);
                Currencies.All.ShouldContain(code);
                Currencies.MinorUnits(code).ShouldBeInRange(0, 4);
                Currencies.TryStandardize(code, out var again, out _).ShouldBeTrue();
                again.ShouldBe(code);
            }
            else
            {
                ShouldBeShortError(error, code);
            }
        }, iter: Iterations);

    [Fact]
    public void Amounts_round_trip_through_their_invariant_form() =>
        Gen.Select(Hostile, Gen.OneOf<string?>(null, "EUR", "JPY", "KWD", "MXN", "eur", "XX"), Gen.OneOf<char?>(null, '.', ',', 'x'))
            .Sample((raw, defaultCurrency, separator) =>
            {
                if (Amounts.TryParse(raw, defaultCurrency, separator, out var amount, out var currency, out var error))
                {
                    if (currency is not null)
                    {
                        ((int)amount.Scale).ShouldBeLessThanOrEqualTo(Currencies.MinorUnits(currency));
                    }

                    var written = amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Amounts.TryParse(written, currency, '.', out var again, out var sameCurrency, out var againError).ShouldBeTrue(againError);
                    again.ShouldBe(amount);
                    sameCurrency.ShouldBe(currency);
                }
                else
                {
                    ShouldBeShortError(error, currency);
                }
            }, iter: Iterations);

    [Fact]
    public void Postal_codes_are_upper_case_and_stable() =>
        Gen.Select(Hostile, Gen.OneOf<string?>(null, "ES", "US", "MX", "GB", "CA", "FR", "DE", "IT", "PT", "NL", "AR", "CO", "CL", "PE", "BR", "JP", "España", "XX"))
            .Sample((raw, country) =>
            {
                if (PostalCodes.TryStandardize(raw, country, out var code, out var error))
                {
                    code.ShouldBe(code.ToUpperInvariant());
                    code.Length.ShouldBeInRange(2, 10);
                    PostalCodes.TryStandardize(code, country, out var again, out _).ShouldBeTrue();
                    again.ShouldBe(code);
                }
                else
                {
                    ShouldBeShortError(error, code);
                }
            }, iter: Iterations);

    [Fact]
    public void A_megabyte_of_text_is_refused_or_cleaned_without_throwing()
    {
        var huge = string.Concat(Enumerable.Repeat("José\u0301 \uD800@1.2,", 100_000));
        Emails.TryStandardize(huge, out _, out var email).ShouldBeFalse();
        Phones.TryStandardize(huge, "ES", out _, out var phone).ShouldBeFalse();
        Dates.TryParse(huge, ["dd/MM/yyyy"], TimeZoneInfo.Utc, out _, out var date).ShouldBeFalse();
        Dates.TryParseDate(huge, ["dd/MM/yyyy"], out _, out var birth).ShouldBeFalse();
        Countries.TryStandardize(huge, out _, out var country).ShouldBeFalse();
        Currencies.TryStandardize(huge, out _, out var currency).ShouldBeFalse();
        Amounts.TryParse(huge, "EUR", null, out _, out _, out var amount).ShouldBeFalse();
        PostalCodes.TryStandardize(huge, "ES", out _, out var postal).ShouldBeFalse();
        foreach (var error in new[] { email, phone, date, birth, country, currency, amount, postal })
        {
            error!.Length.ShouldBeLessThan(120);
        }

        PersonNames.Clean(huge).Length.ShouldBeLessThan(huge.Length);
        PersonNames.Split(huge).GivenName.ShouldNotBeNull();
    }

    private static void ShouldBeShortError(string? error, string? value)
    {
        value.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
        // A quoted value is cut to 40 characters; the rest of a message is a short reason.
        error.Length.ShouldBeLessThan(200);
        error.Any(char.IsControl).ShouldBeFalse();
    }

    private static HashSet<string> Words(string? text) =>
        new(text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], StringComparer.OrdinalIgnoreCase);
}
