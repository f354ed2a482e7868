using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("España", "ES")]
    [InlineData("espana", "ES")]
    [InlineData("Spain", "ES")]
    [InlineData("ESP", "ES")]
    [InlineData("es", "ES")]
    [InlineData("724", "ES")]
    [InlineData("EE. UU.", "US")]
    [InlineData("EEUU", "US")]
    [InlineData("USA", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("Estados Unidos", "US")]
    [InlineData("México", "MX")]
    [InlineData("Mexico", "MX")]
    [InlineData("Reino Unido", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("Perú", "PE")]
    [InlineData("República Dominicana", "DO")]
    [InlineData("Brasil", "BR")]
    [InlineData("Venezuela", "VE")]
    [InlineData("Bolivia", "BO")]
    [InlineData("Alemania", "DE")]
    [InlineData("Países Bajos", "NL")]
    [InlineData("Marruecos", "MA")]
    [InlineData("Japón", "JP")]
    [InlineData("China", "CN")]
    [InlineData("India", "IN")]
    [InlineData("Canadá", "CA")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Corea del Sur", "KR")]
    [InlineData("032", "AR")]
    [InlineData("32", "AR")]
    [InlineData(" argentina ", "AR")]
    public void Codes_and_names_become_alpha_2(string raw, string expected)
    {
        Countries.TryStandardize(raw, out var iso2, out var error).ShouldBeTrue(error);
        iso2.ShouldBe(expected);
    }

    [Fact]
    public void Every_iso_3166_country_is_known_by_its_codes()
    {
        Countries.All.Count.ShouldBe(249);
        foreach (var code in Countries.All)
        {
            Countries.TryStandardize(code, out var iso2, out _).ShouldBeTrue(code);
            iso2.ShouldBe(code);
        }
    }

    [Theory]
    [InlineData("Narnia", "unknown country \"Narnia\"")]
    [InlineData("", "empty country")]
    [InlineData("XX", "unknown country \"XX\"")]
    public void Unknown_countries_say_so(string raw, string expected)
    {
        Countries.TryStandardize(raw, out _, out var error).ShouldBeFalse();
        error.ShouldBe(expected);
    }
}
