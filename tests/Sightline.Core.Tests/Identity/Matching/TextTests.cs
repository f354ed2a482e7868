using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class TextTests
{
    [Theory]
    [InlineData("José Ñúñez", "jose nunez")]
    [InlineData("  GARCÍA-LÓPEZ,  Ana ", "garcia lopez ana")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Çağlar Straße", "caglar strasse")]
    [InlineData("!!!", null)]
    public void Fold_lowers_case_removes_accents_and_collapses_punctuation(string text, string? expected) =>
        TextFold.Fold(text).ShouldBe(expected);

    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("abc", "xyz", 0.0)]
    public void Jaro_winkler_gives_the_published_values(string a, string b, double expected) =>
        JaroWinkler.Similarity(a, b).ShouldBe(expected, 0.001);

    [Theory]
    [InlineData("19800412", "19800412", true)]
    [InlineData("19800412", "19800413", true)]
    [InlineData("19800412", "19804012", true)]
    [InlineData("28013", "2813", true)]
    [InlineData("19800412", "19811412", false)]
    [InlineData("28013", "28", false)]
    public void Within_one_allows_one_insertion_deletion_substitution_or_swap(string a, string b, bool expected) =>
        EditDistance.WithinOne(a, b).ShouldBe(expected);

    [Theory]
    [InlineData("Jiménez", "Giménez")]
    [InlineData("Vásquez", "Básquez")]
    [InlineData("Smith", "Smyth")]
    public void Names_that_sound_alike_share_a_key(string a, string b) =>
        Phonetic.Key(TextFold.Fold(a)).ShouldBe(Phonetic.Key(TextFold.Fold(b)));

    [Theory]
    [InlineData("GARCÍA LÓPEZ, Ana", "Ana", "GARCÍA LÓPEZ")]
    [InlineData("Ana García López", "Ana", "García López")]
    [InlineData("Ana", "Ana", null)]
    public void Full_names_split_into_given_name_and_surnames(string name, string given, string? surname) =>
        PersonTraits.SplitFullName(name).ShouldBe((given, surname));
}
