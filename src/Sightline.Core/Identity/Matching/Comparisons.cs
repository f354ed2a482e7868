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
        if (a.Given.IsNull || b.Given.IsNull)
        {
            return 0;
        }

        if (a.Given.Span.SequenceEqual(b.Given.Span))
        {
            return 1;
        }

        if (Nicknames.Share(a.GivenGroups, b.GivenGroups) || SharesToken(a.Given.Span, b.Given.Span))
        {
            return 2;
        }

        if (Swapped(a, b))
        {
            return 3;
        }

        var similarity = JaroWinkler.Similarity(a.Given.Span, b.Given.Span);
        if (similarity >= 0.92)
        {
            return 4;
        }

        // An initial against the whole name ("J" and "John") is as good as a likely misspelling; so is one side's
        // given name written as the other's surname (a form filled in the wrong order, with a typo in the other name).
        var initial = (a.Given.Length == 1 || b.Given.Length == 1) && a.Given[0] == b.Given[0];
        return similarity >= 0.80 || initial || TextSlice.Same(a.GivenSound, b.GivenSound) || CrossedOnce(a, b) ? 5 : 6;
    }

    private static int Surname(PreparedRecord a, PreparedRecord b)
    {
        if (a.Surname.IsNull || b.Surname.IsNull)
        {
            return 0;
        }

        if (a.Surname.Span.SequenceEqual(b.Surname.Span) || TextSlice.Same(a.SurnameJoined, b.SurnameJoined))
        {
            return 1;
        }

        // Spanish double surnames: the second one dropped, or the two in the other order.
        if (SharesToken(a.Surname.Span, b.Surname.Span))
        {
            return 2;
        }

        if (Swapped(a, b))
        {
            return 3;
        }

        var similarity = JaroWinkler.Similarity(a.Surname.Span, b.Surname.Span);
        if (similarity >= 0.92)
        {
            return 4;
        }

        return similarity >= 0.80 || TextSlice.Same(a.SurnameSound, b.SurnameSound) || CrossedOnce(a, b) ? 5 : 6;
    }

    private static int BirthDate(PreparedRecord a, PreparedRecord b)
    {
        if (a.BirthDate.IsNull || b.BirthDate.IsNull)
        {
            return 0;
        }

        var x = a.BirthDate.Span;
        var y = b.BirthDate.Span;
        if (x.SequenceEqual(y))
        {
            return 1;
        }

        if (x.Length == 8 && y.Length == 8 && x[..4].SequenceEqual(y[..4]) && x.Slice(4, 2).SequenceEqual(y.Slice(6, 2)) && x.Slice(6, 2).SequenceEqual(y.Slice(4, 2)))
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
        if (a.Email.IsNull || b.Email.IsNull)
        {
            return 0;
        }

        if (a.Email.Span.SequenceEqual(b.Email.Span))
        {
            return 1;
        }

        if (!a.EmailLocal.IsNull && TextSlice.Same(a.EmailLocal, b.EmailLocal))
        {
            return 2;
        }

        return JaroWinkler.Similarity(a.Email.Span, b.Email.Span) >= 0.88 ? 3 : 4;
    }

    private static int Street(PreparedRecord a, PreparedRecord b)
    {
        if (a.Street.IsNull || b.Street.IsNull)
        {
            return 0;
        }

        if (a.Street.Span.SequenceEqual(b.Street.Span))
        {
            return 1;
        }

        var similarity = JaroWinkler.Similarity(a.Street.Span, b.Street.Span);
        return similarity >= 0.92 ? 2 : similarity >= 0.80 ? 3 : 4;
    }

    private static int City(PreparedRecord a, PreparedRecord b)
    {
        if (a.City.IsNull || b.City.IsNull)
        {
            return 0;
        }

        if (a.City.Span.SequenceEqual(b.City.Span))
        {
            return 1;
        }

        return JaroWinkler.Similarity(a.City.Span, b.City.Span) >= 0.90 ? 2 : 3;
    }

    /// <summary>Codes typed by hand (postcodes, phone and document numbers): exact, one slip of the finger, or different.</summary>
    private static int Code(TextSlice a, TextSlice b)
    {
        if (a.IsNull || b.IsNull)
        {
            return 0;
        }

        if (a.Span.SequenceEqual(b.Span))
        {
            return 1;
        }

        return EditDistance.WithinOne(a.Span, b.Span) ? 2 : 3;
    }

    /// <summary>Given name and surname in each other's place, each the same or nearly ("Isabella Ctercteko" and "Ctercteko Isabela").</summary>
    private static bool Swapped(PreparedRecord a, PreparedRecord b)
    {
        var (aGiven, aSurname, bGiven, bSurname) = (a.GivenJoined, a.SurnameJoined, b.GivenJoined, b.SurnameJoined);
        return !aGiven.IsNull && !aSurname.IsNull && !bGiven.IsNull && !bSurname.IsNull
            && (aGiven[0] == bSurname[0] || aSurname[0] == bGiven[0]) // a cheap test first: this runs for most candidate pairs
            && JaroWinkler.Similarity(aGiven.Span, bSurname.Span) >= 0.92 && JaroWinkler.Similarity(aSurname.Span, bGiven.Span) >= 0.92;
    }

    /// <summary>One side's given name is the other's surname, while the remaining names differ.</summary>
    private static bool CrossedOnce(PreparedRecord a, PreparedRecord b) =>
        (!a.GivenJoined.IsNull && TextSlice.Same(a.GivenJoined, b.SurnameJoined))
        || (!a.SurnameJoined.IsNull && TextSlice.Same(a.SurnameJoined, b.GivenJoined));

    /// <summary>A name (of two letters or more) is one of both texts' space-separated names, and one text has several.</summary>
    private static bool SharesToken(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (!a.Contains(' ') && !b.Contains(' '))
        {
            return false;
        }

        foreach (var x in a.Split(' '))
        {
            // A lone initial says too little to count as a shared name.
            if (a[x].Length > 1 && HasToken(b, a[x]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToken(ReadOnlySpan<char> text, ReadOnlySpan<char> token)
    {
        foreach (var y in text.Split(' '))
        {
            if (text[y].SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
