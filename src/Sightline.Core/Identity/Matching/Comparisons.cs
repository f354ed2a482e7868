namespace Sightline.Core.Identity.Matching;

/// <summary>The fields the matcher compares and the levels of agreement it tells apart in each.</summary>
internal static class Comparisons
{
    /// <summary>Every level index fits in this many bits of a comparison pattern.</summary>
    public const int BitsPerField = 3;

    public static readonly IReadOnlyList<FieldComparison> Standard =
    [
        new("given_name", ["null", "exact", "nickname_or_shared_name", "swapped_with_surname", "jaro_winkler_0.92", "similar_or_same_sound", "different"], GivenName, r => r.Given),
        new("surname", ["null", "exact", "one_surname_in_common", "swapped_with_given_name", "jaro_winkler_0.92", "similar_or_same_sound", "different"], Surname, r => r.Surname, Household: true),
        new("birth_date", ["null", "exact", "day_and_month_swapped", "one_typo", "two_typos", "different"], BirthDate),
        new("email", ["null", "exact", "same_local_part", "jaro_winkler_0.88", "different"], Email),
        new("phone", ["null", "exact", "one_typo", "different"], (a, b) => Code(a.Phone, b.Phone), Household: true),
        new("street", ["null", "exact", "jaro_winkler_0.92", "jaro_winkler_0.80", "different"], Street, Household: true),
        new("city", ["null", "exact", "jaro_winkler_0.90", "different"], City, r => r.City, Household: true),
        new("postcode", ["null", "exact", "one_typo", "different"], (a, b) => Code(a.Postcode, b.Postcode), r => r.Postcode, Household: true),
        new("document_id", ["null", "exact", "one_typo", "different"], (a, b) => Code(a.Document, b.Document)),
    ];

    /// <summary>
    /// True when two records name clearly different people: both give a given name, and the names are neither equal,
    /// nicknames of each other, a typo apart, an initial of one another, alike in sound, nor swapped with the surname.
    /// </summary>
    public static bool DifferentGivenNames(PersonRecord a, PersonRecord b) =>
        GivenName(PreparedRecord.From(a), PreparedRecord.From(b)) == 6;

    private static int GivenName(PreparedRecord a, PreparedRecord b)
    {
        if (a.Given is null || b.Given is null)
        {
            return 0;
        }

        if (string.Equals(a.Given, b.Given, StringComparison.Ordinal))
        {
            return 1;
        }

        if (Nicknames.Share(a.GivenGroups, b.GivenGroups) || SharesToken(a.GivenTokens, b.GivenTokens))
        {
            return 2;
        }

        if (Swapped(a, b))
        {
            return 3;
        }

        var similarity = JaroWinkler.Similarity(a.Given, b.Given);
        if (similarity >= 0.92)
        {
            return 4;
        }

        // An initial against the whole name ("J" and "John") is as good as a likely misspelling; so is one side's
        // given name written as the other's surname (a form filled in the wrong order, with a typo in the other name).
        var initial = (a.Given.Length == 1 || b.Given.Length == 1) && a.Given[0] == b.Given[0];
        return similarity >= 0.80 || initial || string.Equals(a.GivenSound, b.GivenSound, StringComparison.Ordinal) || CrossedOnce(a, b) ? 5 : 6;
    }

    private static int Surname(PreparedRecord a, PreparedRecord b)
    {
        if (a.Surname is null || b.Surname is null)
        {
            return 0;
        }

        if (string.Equals(a.Surname, b.Surname, StringComparison.Ordinal) || string.Equals(a.SurnameJoined, b.SurnameJoined, StringComparison.Ordinal))
        {
            return 1;
        }

        // Spanish double surnames: the second one dropped, or the two in the other order.
        if (SharesToken(a.SurnameTokens, b.SurnameTokens))
        {
            return 2;
        }

        if (Swapped(a, b))
        {
            return 3;
        }

        var similarity = JaroWinkler.Similarity(a.Surname, b.Surname);
        if (similarity >= 0.92)
        {
            return 4;
        }

        return similarity >= 0.80 || string.Equals(a.SurnameSound, b.SurnameSound, StringComparison.Ordinal) || CrossedOnce(a, b) ? 5 : 6;
    }

    private static int BirthDate(PreparedRecord a, PreparedRecord b)
    {
        if (a.BirthDate is not { } x || b.BirthDate is not { } y)
        {
            return 0;
        }

        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return 1;
        }

        if (x.Length == 8 && y.Length == 8 && x.AsSpan(0, 4).SequenceEqual(y.AsSpan(0, 4)) && x.AsSpan(4, 2).SequenceEqual(y.AsSpan(6, 2)) && x.AsSpan(6, 2).SequenceEqual(y.AsSpan(4, 2)))
        {
            return 2;
        }

        if (EditDistance.WithinOne(x, y))
        {
            return 3;
        }

        return EditDistance.Levenshtein(x, y) <= 2 ? 4 : 5;
    }

    private static int Email(PreparedRecord a, PreparedRecord b)
    {
        if (a.Email is null || b.Email is null)
        {
            return 0;
        }

        if (string.Equals(a.Email, b.Email, StringComparison.Ordinal))
        {
            return 1;
        }

        if (a.EmailLocal is not null && string.Equals(a.EmailLocal, b.EmailLocal, StringComparison.Ordinal))
        {
            return 2;
        }

        return JaroWinkler.Similarity(a.Email, b.Email) >= 0.88 ? 3 : 4;
    }

    private static int Street(PreparedRecord a, PreparedRecord b)
    {
        if (a.Street is null || b.Street is null)
        {
            return 0;
        }

        if (string.Equals(a.Street, b.Street, StringComparison.Ordinal))
        {
            return 1;
        }

        var similarity = JaroWinkler.Similarity(a.Street, b.Street);
        return similarity >= 0.92 ? 2 : similarity >= 0.80 ? 3 : 4;
    }

    private static int City(PreparedRecord a, PreparedRecord b)
    {
        if (a.City is null || b.City is null)
        {
            return 0;
        }

        if (string.Equals(a.City, b.City, StringComparison.Ordinal))
        {
            return 1;
        }

        return JaroWinkler.Similarity(a.City, b.City) >= 0.90 ? 2 : 3;
    }

    /// <summary>Codes typed by hand (postcodes, phone and document numbers): exact, one slip of the finger, or different.</summary>
    private static int Code(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        return EditDistance.WithinOne(a, b) ? 2 : 3;
    }

    /// <summary>Given name and surname in each other's place, each the same or nearly ("Isabella Ctercteko" and "Ctercteko Isabela").</summary>
    private static bool Swapped(PreparedRecord a, PreparedRecord b) =>
        a.GivenJoined is { } aGiven && a.SurnameJoined is { } aSurname && b.GivenJoined is { } bGiven && b.SurnameJoined is { } bSurname
        && (aGiven[0] == bSurname[0] || aSurname[0] == bGiven[0]) // a cheap test first: this runs for most candidate pairs
        && JaroWinkler.Similarity(aGiven, bSurname) >= 0.92 && JaroWinkler.Similarity(aSurname, bGiven) >= 0.92;

    /// <summary>One side's given name is the other's surname, while the remaining names differ.</summary>
    private static bool CrossedOnce(PreparedRecord a, PreparedRecord b) =>
        (a.GivenJoined is not null && string.Equals(a.GivenJoined, b.SurnameJoined, StringComparison.Ordinal))
        || (a.SurnameJoined is not null && string.Equals(a.SurnameJoined, b.GivenJoined, StringComparison.Ordinal));

    private static bool SharesToken(string[] a, string[] b)
    {
        if (a.Length < 2 && b.Length < 2)
        {
            return false;
        }

        foreach (var x in a)
        {
            // A lone initial says too little to count as a shared name.
            if (x.Length > 1 && Array.IndexOf(b, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
