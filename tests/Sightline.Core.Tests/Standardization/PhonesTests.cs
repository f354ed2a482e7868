using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class PhonesTests
{
    [Theory]
    [InlineData("+34 600 12 34 56", null, "+34600123456")]
    [InlineData("600123456", "ES", "+34600123456")]
    [InlineData("600 12 34 56", "es", "+34600123456")]
    [InlineData("0034 600 123 456", null, "+34600123456")]
    [InlineData("0034600123456", "MX", "+34600123456")]
    [InlineData("91 123 45 67", "ES", "+34911234567")]
    [InlineData("(212) 555-0123", "US", "+12125550123")]
    [InlineData("(415) 555-2671 ext. 12", "US", "+14155552671")]
    [InlineData("55 1234 5678", "MX", "+525512345678")]
    [InlineData("+52 55 1234 5678", null, "+525512345678")]
    [InlineData("11 2345-6789", "AR", "+541123456789")]
    [InlineData("+54 9 11 2345-6789", null, "+5491123456789")]
    [InlineData("300 123 4567", "CO", "+573001234567")]
    [InlineData("9 6123 4567", "CL", "+56961234567")]
    [InlineData("(11) 91234-5678", "BR", "+5511912345678")]
    [InlineData("+34-600.12.34.56", "US", "+34600123456")]
    public void Numbers_become_e164(string raw, string? region, string expected)
    {
        Phones.TryStandardize(raw, region, out var e164, out var error).ShouldBeTrue(error);
        e164.ShouldBe(expected);
    }

    [Theory]
    [InlineData("600123456", null, "\"600123456\" has no country code and no default region")]
    [InlineData("12345", "ES", "\"12345\" is not a valid number for region ES")]
    [InlineData("+34 12", null, "\"+34 12\" is not a valid number for region ES")]
    [InlineData("600123456", "XX", "unknown phone region \"XX\"")]
    [InlineData("call me", "ES", "\"call me\" is not a phone number")]
    [InlineData("  ", "ES", "empty phone number")]
    [InlineData("(555) 123-4567", "US", "\"(555) 123-4567\" is not a valid number for region US")]
    public void Unusable_numbers_say_why(string raw, string? region, string expected)
    {
        Phones.TryStandardize(raw, region, out var e164, out var error).ShouldBeFalse();
        e164.ShouldBeNull();
        error.ShouldBe(expected);
    }
}
