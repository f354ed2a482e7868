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

    [Fact]
    public void Jaro_winkler_equals_the_textbook_scan_exactly()
    {
        // A small alphabet repeats characters, which is where the first-free-match rule and the window matter.
        var random = new Random(7);
        const string alphabet = "aabeilnoqrsz ñ@."; // ñ and q share a slot of the position table
        for (var n = 0; n < 20_000; n++)
        {
            var a = Text(random.Next(1, 30));
            var b = Text(random.Next(1, n % 10 == 0 ? 90 : 30));
            JaroWinkler.Similarity(a, b).ShouldBe(Textbook(a, b), $"{a} / {b}");
        }

        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    [Theory]
    [InlineData("19800412", "19800412", true)]
    [InlineData("19800412", "19800413", true)]
    [InlineData("19800412", "19804012", true)]
    [InlineData("28013", "2813", true)]
    [InlineData("19800412", "19811412", false)]
    [InlineData("28013", "28", false)]
    public void Within_one_allows_one_insertion_deletion_substitution_or_swap(string a, string b, bool expected) =>
        EditDistance.WithinOne(a, b).ShouldBe(expected);

    [Fact]
    public void Levenshtein_equals_the_textbook_table_exactly()
    {
        // Digits as in birth dates, plus '\0' (the padding of the vectors) and a character past ASCII.
        var random = new Random(11);
        const string alphabet = "0123456789\0ñ";
        for (var n = 0; n < 20_000; n++)
        {
            var a = Text(random.Next(0, n % 10 == 0 ? 64 : 12));
            var b = n % 3 == 0 ? Typos(a) : Text(random.Next(0, n % 10 == 0 ? 64 : 12));
            EditDistance.Levenshtein(a, b).ShouldBe(Levenshtein(a, b), $"{a} / {b}");
        }

        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        string Typos(string text)
        {
            var chars = text.ToList();
            for (var t = random.Next(1, 4); t > 0; t--)
            {
                var at = random.Next(chars.Count + 1);
                switch (random.Next(3))
                {
                    case 0:
                        chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 1 when at < chars.Count:
                        chars.RemoveAt(at);
                        break;
                    default:
                        if (at < chars.Count)
                        {
                            chars[at] = alphabet[random.Next(alphabet.Length)];
                        }

                        break;
                }
            }

            return new string([.. chars.Take(64)]);
        }
    }

    [Fact]
    public void Levenshtein_of_strings_longer_than_64_is_the_longer_length() =>
        EditDistance.Levenshtein(new string('1', 65), "1").ShouldBe(65);

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

    private static int Levenshtein(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            table[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            table[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = Math.Min(Math.Min(table[i - 1, j] + 1, table[i, j - 1] + 1), table[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return table[a.Length, b.Length];
    }

    private static double Textbook(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var window = Math.Max(0, (b.Length / 2) - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (aMatched[i])
            {
                while (!bMatched[k])
                {
                    k++;
                }

                transpositions += a[i] != b[k++] ? 1 : 0;
            }
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
