using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class PostalCodesTests
{
    [Theory]
    [InlineData("28013", "ES", "28013")]
    [InlineData("8001", "ES", "08001")]
    [InlineData(" 08 001 ", "España", "08001")]
    [InlineData("52006", "ES", "52006")]
    [InlineData("12345", "US", "12345")]
    [InlineData("2134", "US", "02134")]
    [InlineData("12345-6789", "US", "12345-6789")]
    [InlineData("123456789", "US", "12345-6789")]
    [InlineData("06600", "MX", "06600")]
    [InlineData("6600", "MX", "06600")]
    [InlineData("sw1a1aa", "GB", "SW1A 1AA")]
    [InlineData("M1  1AE", "UK", "M1 1AE")]
    [InlineData("k1a0b1", "CA", "K1A 0B1")]
    [InlineData("75008", "FR", "75008")]
    [InlineData("1067", "DE", "01067")]
    [InlineData("00184", "IT", "00184")]
    [InlineData("1000-001", "PT", "1000-001")]
    [InlineData("1000 001", "PT", "1000-001")]
    [InlineData("1012ab", "NL", "1012 AB")]
    [InlineData("1425", "AR", "1425")]
    [InlineData("c1425dkf", "AR", "C1425DKF")]
    [InlineData("110111", "CO", "110111")]
    [InlineData("8320000", "CL", "8320000")]
    [InlineData("15001", "PE", "15001")]
    [InlineData("01310-100", "BR", "01310-100")]
    [InlineData("01310100", "BR", "01310-100")]
    [InlineData("  d02  x285 ", null, "D02 X285")]
    [InlineData("100-0001", "JP", "100-0001")]
    public void Codes_take_their_country_form(string raw, string? country, string expected)
    {
        PostalCodes.TryStandardize(raw, country, out var code, out var error).ShouldBeTrue(error);
        code.ShouldBe(expected);
    }

    [Theory]
    [InlineData("99001", "ES", "\"99001\" is not a postal code for ES (5 digits, province 01–52)")]
    [InlineData("00123", "ES", "\"00123\" is not a postal code for ES (5 digits, province 01–52)")]
    [InlineData("123", "ES", "\"123\" is not a postal code for ES (5 digits, province 01–52)")]
    [InlineData("1234", "PT", "\"1234\" is not a postal code for PT (1234-567)")]
    [InlineData("0123 AB", "NL", "\"0123 AB\" is not a postal code for NL (like 1234 AB)")]
    [InlineData("D1A 1A1", "CA", "\"D1A 1A1\" is not a postal code for CA (like K1A 0B1)")]
    [InlineData("X", null, "\"X\" is not a postal code (2 to 10 letters, digits, spaces or hyphens)")]
    [InlineData("28013", "Narnia", "unknown country \"Narnia\"")]
    [InlineData(" ", "ES", "empty postal code")]
    public void Codes_that_break_the_rules_say_why(string raw, string? country, string expected)
    {
        PostalCodes.TryStandardize(raw, country, out var code, out var error).ShouldBeFalse();
        code.ShouldBeNull();
        error.ShouldBe(expected);
    }
}
