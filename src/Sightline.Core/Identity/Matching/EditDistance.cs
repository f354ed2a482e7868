namespace Sightline.Core.Identity.Matching;

/// <summary>Bounded edit distances for short codes (dates, postcodes, document numbers, phone numbers).</summary>
internal static class EditDistance
{
    /// <summary>
    /// True when <paramref name="a"/> becomes <paramref name="b"/> with at most one insertion, deletion,
    /// substitution or swap of two neighbouring characters (the typing errors of a clerk).
    /// </summary>
    public static bool WithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == b.Length)
        {
            var first = -1;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i])
                {
                    continue;
                }

                if (first >= 0)
                {
                    // A second difference is allowed only as the other half of a swap of neighbours.
                    return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a[(i + 1)..].SequenceEqual(b[(i + 1)..]);
                }

                first = i;
            }

            return true;
        }

        if (Math.Abs(a.Length - b.Length) != 1)
        {
            return false;
        }

        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        var prefix = 0;
        while (prefix < a.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return a[prefix..].SequenceEqual(b[(prefix + 1)..]);
    }

    /// <summary>Levenshtein distance, for short strings only.</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return Math.Max(a.Length, b.Length);
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
