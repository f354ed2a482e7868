using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

public sealed class TextMatchTests
{
    [Theory]
    [InlineData("España", "espana")]
    [InlineData("MÁLAGA", "malaga")]
    [InlineData("Ma\u0301laga", "malaga")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æsir", "aesir")]
    [InlineData("Øster", "oster")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("ΣΟΦΙΑ", "σοφια")]
    public void Case_and_latin_accents_fold_away(string value, string literal) =>
        TextMatch.Equal(value, TextMatch.Fold(literal)).ShouldBeTrue();

    [Theory]
    [InlineData("ana@gmail.com", "ana gmail com")]
    [InlineData("o'brien", "obrien")]
    [InlineData("San Sebastián", "sansebastian")]
    [InlineData("abc", "abcd")]
    [InlineData("abcd", "abc")]
    public void Spaces_and_punctuation_still_count(string value, string literal) =>
        TextMatch.Equal(value, TextMatch.Fold(literal)).ShouldBeFalse();

    [Fact]
    public void Contains_and_starts_with_fold_both_sides()
    {
        TextMatch.Contains("Calle de la Straße 5", TextMatch.Fold("STRASSE")).ShouldBeTrue();
        TextMatch.Contains("Málaga", TextMatch.Fold("LAG")).ShouldBeTrue();
        TextMatch.Contains("Málaga", string.Empty).ShouldBeTrue();
        TextMatch.Contains("Málaga", TextMatch.Fold("lagos")).ShouldBeFalse();
        TextMatch.StartsWith("Ñandú", TextMatch.Fold("nan")).ShouldBeTrue();
        TextMatch.StartsWith("Ñandú", TextMatch.Fold("and")).ShouldBeFalse();
    }

    [Fact]
    public void Ordering_is_by_folded_text()
    {
        TextMatch.Compare("Éclair", TextMatch.Fold("f")).ShouldBeLessThan(0);
        TextMatch.Compare("zeta", TextMatch.Fold("Álamo")).ShouldBeGreaterThan(0);
        TextMatch.Compare("ab", TextMatch.Fold("abc")).ShouldBeLessThan(0);
    }

    [Theory]
    [InlineData("ordres_90d", "orders_90d", 1)]
    [InlineData("country", "Country", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_swaps_as_one(string a, string b, int distance) =>
        Suggestions.Distance(a, b).ShouldBe(distance);

    [Fact]
    public void Suggestions_ignore_case_and_skip_distant_names()
    {
        Suggestions.Closest("COUNTRY", ["country", "city"]).ShouldBe("country");
        Suggestions.Closest("zzz", ["country", "city"]).ShouldBeNull();
    }
}
