using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class AmountsTests
{
    [Theory]
    [InlineData("1234.56", null, null, "1234.56", null)]
    [InlineData("1,234.56", null, null, "1234.56", null)]
    [InlineData("1.234,56", null, null, "1234.56", null)]
    [InlineData("1 234,56", null, null, "1234.56", null)]
    [InlineData("1\u00A0234,56 €", null, null, "1234.56", "EUR")]
    [InlineData("€12,50", null, null, "12.50", "EUR")]
    [InlineData("12.50 EUR", null, null, "12.50", "EUR")]
    [InlineData("-3,5", "EUR", null, "-3.50", "EUR")]
    [InlineData("(12.00)", null, null, "-12.00", null)]
    [InlineData("$1,200", null, null, "1200", "USD")]
    [InlineData("$1,200", "MXN", null, "1200", "MXN")]
    [InlineData("$1,200", "EUR", null, "1200", "USD")]
    [InlineData("1.234.567,891", "EUR", null, "1234567.89", "EUR")]
    [InlineData("1,234", null, null, "1234", null)]
    [InlineData("1.234", null, null, "1234", null)]
    [InlineData("1,234", null, ',', "1.234", null)]
    [InlineData("1.234", "KWD", null, "1.234", "KWD")]
    [InlineData("0,500", null, null, "0.5", null)]
    [InlineData("1,5", null, '.', "1.5", null)]
    [InlineData("1500", "JPY", null, "1500", "JPY")]
    [InlineData("12.5", "JPY", null, "13", "JPY")]
    [InlineData("2.345", "EUR", '.', "2.35", "EUR")]
    [InlineData("-2.345", "EUR", '.', "-2.35", "EUR")]
    [InlineData("2,3456 EUR", null, null, "2.35", "EUR")]
    [InlineData("1'234.50 CHF", null, null, "1234.50", "CHF")]
    [InlineData("R$ 1.500,00", null, null, "1500", "BRL")]
    [InlineData("S/ 45.90", null, null, "45.90", "PEN")]
    [InlineData("-€12,50", null, null, "-12.50", "EUR")]
    [InlineData(".5", null, null, "0.5", null)]
    [InlineData("12 pesos mexicanos", null, null, "12", "MXN")]
    public void Amounts_read_their_separators_and_currency(string raw, string? defaultCurrency, char? decimalSeparator, string expected, string? currency)
    {
        Amounts.TryParse(raw, defaultCurrency, decimalSeparator, out var amount, out var found, out var error).ShouldBeTrue(error);
        amount.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        found.ShouldBe(currency);
    }

    [Theory]
    [InlineData("", "empty amount")]
    [InlineData("abc", "\"abc\" has no digits")]
    [InlineData("12 monedas", "unknown currency \"monedas\"")]
    [InlineData("1,23,456", "\"1,23,456\" has misplaced thousands separators")]
    [InlineData("12.34.56,7", "\"12.34.56,7\" has misplaced thousands separators")]
    [InlineData("1.234,56.7", "\"1.234,56.7\" has misplaced thousands separators")]
    [InlineData("12,34 5", "\"12,34 5\" has separators after its decimal point")]
    [InlineData("--12", "\"--12\" has a misplaced sign or bracket")]
    [InlineData("(12", "\"(12\" has a misplaced sign or bracket")]
    [InlineData("12abc34", "\"12abc34\" is not an amount")]
    [InlineData("99999999999999999999999999999", "\"99999999999999999999999999999\" has too many digits")]
    public void Unreadable_amounts_say_why(string raw, string expected)
    {
        Amounts.TryParse(raw, null, null, out var amount, out var currency, out var error).ShouldBeFalse();
        amount.ShouldBe(0m);
        currency.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void An_unknown_default_currency_is_an_error()
    {
        Amounts.TryParse("12", "XX", null, out _, out _, out var error).ShouldBeFalse();
        error.ShouldBe("unknown currency \"XX\"");
    }
}
