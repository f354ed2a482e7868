using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class BlockingKeyTests
{
    private static readonly PreparedRecord Ana = PreparedRecord.From(new PersonRecord
    {
        Id = "a", GivenName = "Ana María", Surname = "García de la Vega", BirthDate = "1980-04-12", City = "Madrid", Postcode = "28013", Email = "ana.garcia+news@example.com",
    });

    [Fact]
    public void Hashing_a_key_equals_hashing_its_joined_text()
    {
        foreach (var rule in BlockingRule.Standard)
        {
            var key = rule.Key(Ana);
            key.Hash().ShouldBe(BlockingKey.Hash(key.ToString()), rule.Name);
        }
    }

    [Theory]
    [InlineData("birth_date", "19800412")]
    [InlineData("sound_of_names+birth_year", "05\u001f262\u001f1980")]
    [InlineData("surname+birth_month", "garcia\u001f198004")]
    [InlineData("city+given_name+surname_start", "madrid\u001fana\u001fgar")]
    [InlineData("email_local_part", "ana.garcia")]
    [InlineData("phone", null)]
    [InlineData("street", null)]
    public void A_key_joins_its_parts_and_is_missing_when_one_is(string rule, string? expected)
    {
        var key = BlockingRule.Standard.Single(r => r.Name == rule).Key(Ana);
        key.ToString().ShouldBe(expected);
        (key.Hash() == 0).ShouldBe(expected is null);
    }

    [Theory]
    [InlineData("1980-04-12", "19800412")]
    [InlineData("12/04/1980", "19800412")]
    [InlineData("1980-4-2", "19800402")]
    [InlineData("1980-04-12T10:00:00", "19800412")]
    [InlineData("12/4/80", "00120480")]
    [InlineData("19800412", "19800412")]
    [InlineData("April 12, 1980", "121980")]
    [InlineData("  ", null)]
    public void Birth_dates_become_eight_digits_where_they_can(string text, string? expected) =>
        PreparedRecord.From(new PersonRecord { Id = "x", BirthDate = text }).BirthDate.ToString().ShouldBe(expected);

    [Theory]
    [InlineData("García de la Vega", "28 013")]
    [InlineData("de la", "SW1A 1AA")]
    [InlineData("van der Berg-Smith", null)]
    [InlineData(null, "28013")]
    public void Locality_fields_are_those_of_the_prepared_record(string? surname, string? postcode)
    {
        var record = new PersonRecord { Id = "x", Surname = surname, Postcode = postcode };
        var prepared = PreparedRecord.From(record);

        PreparedRecord.LocalityFields(record).ShouldBe((prepared.SurnameSound.ToString(), prepared.Postcode.ToString()));
    }
}
