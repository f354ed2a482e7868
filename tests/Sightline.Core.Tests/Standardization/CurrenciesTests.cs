using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData("€", "EUR")]
    [InlineData("euros", "EUR")]
    [InlineData("Euro", "EUR")]
    [InlineData("£", "GBP")]
    [InlineData("libras esterlinas", "GBP")]
    [InlineData("¥", "JPY")]
    [InlineData("$", "USD")]
    [InlineData("US$", "USD")]
    [InlineData("dólar estadounidense", "USD")]
    [InlineData("Dolares", "USD")]
    [InlineData("peso mexicano", "MXN")]
    [InlineData("Pesos Mexicanos", "MXN")]
    [InlineData("MX$", "MXN")]
    [InlineData("peso argentino", "ARS")]
    [InlineData("peso chileno", "CLP")]
    [InlineData("peso colombiano", "COP")]
    [InlineData("soles", "PEN")]
    [InlineData("S/", "PEN")]
    [InlineData("R$", "BRL")]
    [InlineData("real brasileño", "BRL")]
    [InlineData("guaraníes", "PYG")]
    [InlineData("bolívares", "VES")]
    [InlineData("quetzales", "GTQ")]
    [InlineData("dirham marroquí", "MAD")]
    public void Codes_symbols_and_names_become_iso_4217(string raw, string expected)
    {
        Currencies.TryStandardize(raw, out var code, out var error).ShouldBeTrue(error);
        code.ShouldBe(expected);
    }

    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("jpy", 0)]
    [InlineData("CLP", 0)]
    [InlineData("PYG", 0)]
    [InlineData("KWD", 3)]
    [InlineData("MXN", 2)]
    [InlineData("CLF", 4)]
    public void Minor_units_follow_iso_4217(string code, int units) => Currencies.MinorUnits(code).ShouldBe(units);

    [Fact]
    public void Minor_units_of_an_unknown_code_is_a_misuse() =>
        Should.Throw<ArgumentException>(() => Currencies.MinorUnits("XYZ"));

    [Fact]
    public void Withdrawn_codes_and_metals_are_not_currencies()
    {
        Currencies.TryStandardize("HRK", out _, out var error).ShouldBeFalse();
        error.ShouldBe("unknown currency \"HRK\"");
        Currencies.TryStandardize("XAU", out _, out _).ShouldBeFalse();
        Currencies.TryStandardize("ZWG", out _, out _).ShouldBeTrue();
    }
}
