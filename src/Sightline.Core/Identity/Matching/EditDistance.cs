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

    /// <summary>
    /// Levenshtein distance, for short strings only (longer than 64 characters: the longer length). Myers' bit-parallel
    /// algorithm in Hyyrö's form for whole strings: a column of the distance table is a few word operations per character
    /// of <paramref name="b"/>, not one cell at a time; it runs for every candidate pair whose birth dates differ.
    /// </summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > CharPositions.MaxLength || b.Length > CharPositions.MaxLength)
        {
            return Math.Max(a.Length, b.Length);
        }

        if (a.Length == 0)
        {
            return b.Length;
        }

        var positions = new CharPositions(a);
        var top = a.Length - 1;
        var last = 1UL << top;
        var distance = a.Length;

        // The vertical differences of the current column (+1 and -1 bits); the first column is 0, 1, 2, ….
        ulong plus = ulong.MaxValue, minus = 0;
        foreach (var c in b)
        {
            var equal = positions.Of(c);
            var xv = equal | minus;
            var xh = (((equal & plus) + plus) ^ plus) | equal;
            var horizontalPlus = minus | ~(xh | plus);
            var horizontalMinus = plus & xh;
            // At most one of the two is set; no branch on which, as that follows the data.
            distance += (int)((horizontalPlus & last) >> top) - (int)((horizontalMinus & last) >> top);

            // The top row is 0, 1, 2, … as well: every step along it is +1.
            horizontalPlus = (horizontalPlus << 1) | 1;
            horizontalMinus <<= 1;
            plus = horizontalMinus | ~(xv | horizontalPlus);
            minus = horizontalPlus & xv;
        }

        return distance;
    }
}
