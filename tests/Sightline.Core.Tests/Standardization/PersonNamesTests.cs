using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("  JOSÉ   MARÍA ", "José María")]
    [InlineData("o'neill", "O'Neill")]
    [InlineData("mcdonald", "McDonald")]
    [InlineData("MACHADO", "Machado")]
    [InlineData("garcía-lópez", "García-López")]
    [InlineData("ANA DE LA FUENTE", "Ana de la Fuente")]
    [InlineData("pedro del río", "Pedro del Río")]
    [InlineData("JAN VAN DER BERG", "Jan van der Berg")]
    [InlineData("joão dos santos", "João dos Santos")]
    [InlineData("DE LA FUENTE", "De la Fuente")]
    [InlineData("LUCÍA Y ÁLVAREZ", "Lucía y Álvarez")]
    [InlineData("ÑUÑEZ", "Ñuñez")]
    [InlineData("J.R. TOLKIEN", "J.R. Tolkien")]
    [InlineData("McDonald", "McDonald")]
    [InlineData("Ana de la Fuente", "Ana de la Fuente")]
    [InlineData("DeShawn MacKenzie", "DeShawn MacKenzie")]
    [InlineData("ana\tmaría\r\ngarcía", "Ana María García")]
    [InlineData("Ana\u0000 Mar\u200Bía", "Ana María")]
    [InlineData("", "")]
    public void Clean_fixes_spacing_and_one_case_names(string raw, string expected) => PersonNames.Clean(raw).ShouldBe(expected);

    [Fact]
    public void Clean_composes_combining_accents()
    {
        PersonNames.Clean("Jose\u0301 Nun\u0303ez").ShouldBe("Jos\u00E9 Nu\u00F1ez");
        PersonNames.Clean("MARI\u0301A").ShouldBe("María");
    }

    [Theory]
    [InlineData("GARCÍA LÓPEZ, JOSÉ MARÍA", "José María", "García López")]
    [InlineData("José María García López", "José María", "García López")]
    [InlineData("Ana García López", "Ana", "García López")]
    [InlineData("John Smith", "John", "Smith")]
    [InlineData("Mary Ann O'Neill", "Mary Ann", "O'Neill")]
    [InlineData("Ana de la Fuente", "Ana", "de la Fuente")]
    [InlineData("Ana García de la Fuente", "Ana", "García de la Fuente")]
    [InlineData("MARÍA DEL CARMEN RUIZ SOTO", "María del Carmen", "Ruiz Soto")]
    [InlineData("maria de los angeles perez", "Maria de los Angeles", "Perez")]
    [InlineData("Juan Carlos Pérez", "Juan Carlos", "Pérez")]
    [InlineData("Carlos Alberto Gómez Ruiz", "Carlos Alberto", "Gómez Ruiz")]
    [InlineData("Jan van der Berg", "Jan", "van der Berg")]
    [InlineData("Madonna", "Madonna", null)]
    [InlineData("  ", null, null)]
    [InlineData("García,", null, "García")]
    [InlineData(", Ana", "Ana", null)]
    public void Split_reads_given_name_and_surnames(string raw, string? given, string? surname) =>
        PersonNames.Split(raw).ShouldBe(new PersonName(given, surname));
}
