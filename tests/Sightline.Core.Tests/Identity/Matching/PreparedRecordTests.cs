using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class PreparedRecordTests
{
    private static PersonRecord Ana(string street = "Calle Mayor 5") => new()
    {
        Id = "a", GivenName = "Ana María", Surname = "García de la Vega", BirthDate = "1980-04-12", Street = street, City = "Madrid",
        Postcode = "28 013", Email = " Ana.Garcia+news@Example.com", Phone = "+34 600 123 456", DocumentId = "1234 5678-Z",
    };

    public static TheoryData<int> StreetLengths => [13, 70_000];

    [Theory]
    [MemberData(nameof(StreetLengths))]
    public void Every_field_reads_back_from_the_one_text_short_or_long(int streetLength)
    {
        var street = "calle mayor 5" + new string('a', streetLength - 13);
        var prepared = PreparedRecord.From(Ana(street));

        prepared.Given.ToString().ShouldBe("ana maria");
        prepared.GivenFirst.ToString().ShouldBe("ana");
        prepared.GivenJoined.ToString().ShouldBe("anamaria");
        prepared.GivenSound.ToString().ShouldBe(Phonetic.Key("ana maria"));
        prepared.GivenGroups.ToArray().Select(g => (int)g).ShouldBe(Nicknames.Union(Nicknames.Of("ana maria"), Nicknames.Of("ana")));
        prepared.Surname.ToString().ShouldBe("garcia vega");
        prepared.SurnameFirst.ToString().ShouldBe("garcia");
        prepared.SurnameJoined.ToString().ShouldBe("garciavega");
        prepared.SurnameSound.ToString().ShouldBe(Phonetic.Key("garcia"));
        prepared.BirthDate.ToString().ShouldBe("19800412");
        prepared.Street.ToString().ShouldBe(street);
        prepared.City.ToString().ShouldBe("madrid");
        prepared.Postcode.ToString().ShouldBe("28013");
        prepared.Email.ToString().ShouldBe("ana.garcia+news@example.com");
        prepared.EmailLocal.ToString().ShouldBe("ana.garcia");
        prepared.Phone.ToString().ShouldBe("600123456");
        prepared.Document.ToString().ShouldBe("12345678z");
    }

    [Fact]
    public void A_missing_field_has_no_value_and_an_empty_one_is_not_missing()
    {
        var prepared = PreparedRecord.From(new PersonRecord { Id = "x", GivenName = "Xq", Email = "@example.com" });

        prepared.Given.ToString().ShouldBe("xq");
        prepared.GivenGroups.Length.ShouldBe(0);
        foreach (var missing in new[] { prepared.Surname, prepared.SurnameFirst, prepared.SurnameJoined, prepared.SurnameSound, prepared.BirthDate, prepared.Street, prepared.City, prepared.Postcode, prepared.EmailLocal, prepared.Phone, prepared.Document })
        {
            missing.IsNull.ShouldBeTrue();
        }

        prepared.Email.ToString().ShouldBe("@example.com");
        TextSlice.Same(prepared.EmailLocal, default).ShouldBeTrue();
        TextSlice.Same(prepared.Surname, "").ShouldBeFalse();
    }

    [Fact]
    public void Records_longer_than_65535_characters_compare_as_short_ones_do()
    {
        var tail = new string('b', 70_000);
        var (a, b) = (PreparedRecord.From(Ana("calle mayor 5 " + tail)), PreparedRecord.From(Ana("calle mayor 6 " + tail)));

        PairScorer.Pattern(Comparisons.Standard, a, a).ShouldBe(PairScorer.Pattern(Comparisons.Standard, PreparedRecord.From(Ana()), PreparedRecord.From(Ana())));
        Comparisons.Standard.Single(c => c.Name == "street").Compare(a, b).ShouldBe(2);
    }
}
