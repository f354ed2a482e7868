using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class ComparisonsTests
{
    private static string Level(string field, PersonRecord a, PersonRecord b)
    {
        var comparison = Comparisons.Standard.Single(c => c.Name == field);
        return comparison.Levels[comparison.Compare(PreparedRecord.From(a), PreparedRecord.From(b))];
    }

    private static PersonRecord Person(string? given = null, string? surname = null, string? birth = null, string? email = null, string? phone = null) =>
        new() { Id = "x", GivenName = given, Surname = surname, BirthDate = birth, Email = email, Phone = phone };

    [Theory]
    [InlineData("Francisco", "Paco")]
    [InlineData("José", "Pepe")]
    [InlineData("William", "Bill")]
    [InlineData("José María", "Chema")]
    [InlineData("Dolores", "Lola")]
    [InlineData("Robert", "Bob")]
    public void Nicknames_count_as_the_same_given_name(string name, string nickname) =>
        Level("given_name", Person(given: name), Person(given: nickname)).ShouldBe("nickname_or_shared_name");

    [Fact]
    public void Accents_and_case_are_folded_before_comparing() =>
        Level("given_name", Person(given: "JOSÉ"), Person(given: "jose")).ShouldBe("exact");

    [Theory]
    [InlineData("García Márquez", "Garcia")]
    [InlineData("García Márquez", "Márquez García")]
    [InlineData("Pérez de la Fuente", "Fuente")]
    public void A_missing_or_swapped_second_surname_keeps_one_surname_in_common(string a, string b) =>
        Level("surname", Person(surname: a), Person(surname: b)).ShouldBe("one_surname_in_common");

    [Fact]
    public void Hyphenated_and_separate_surnames_are_the_same() =>
        Level("surname", Person(surname: "García-Márquez"), Person(surname: "Garcia Marquez")).ShouldBe("exact");

    [Fact]
    public void Given_name_and_surname_in_each_others_place_are_recognised() =>
        Level("given_name", Person("Isabella", "Ctercteko"), Person("Ctercteko", "Isabela")).ShouldBe("swapped_with_surname");

    [Theory]
    [InlineData("1980-04-12", "1980-12-04", "day_and_month_swapped")]
    [InlineData("1980-04-12", "12/04/1980", "exact")]
    [InlineData("1980-04-12", "1980-04-13", "one_typo")]
    [InlineData("1980-04-12", "1908-04-12", "one_typo")]
    [InlineData("1980-04-12", "1975-09-30", "different")]
    public void Birth_dates_tolerate_transpositions_and_typos(string a, string b, string expected) =>
        Level("birth_date", Person(birth: a), Person(birth: b)).ShouldBe(expected);

    [Fact]
    public void The_same_local_part_at_another_domain_is_its_own_level() =>
        Level("email", Person(email: "paco.garcia@gmail.com"), Person(email: "Paco.Garcia@hotmail.es")).ShouldBe("same_local_part");

    [Fact]
    public void Phones_compare_by_their_last_nine_digits() =>
        Level("phone", Person(phone: "+34 600 123 456"), Person(phone: "600123456")).ShouldBe("exact");

    [Fact]
    public void A_field_missing_on_either_side_is_no_evidence() =>
        Level("birth_date", Person(birth: "1980-04-12"), Person()).ShouldBe("null");
}
