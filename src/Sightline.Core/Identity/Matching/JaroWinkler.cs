namespace Sightline.Core.Identity.Matching;

/// <summary>Jaro-Winkler similarity (0–1), without allocating: it runs for every field of every candidate pair.</summary>
internal static class JaroWinkler
{
    private const int MaxStackLength = 256;

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        if (b.Length > MaxStackLength)
        {
            a = a[..Math.Min(a.Length, MaxStackLength)];
            b = b[..MaxStackLength];
        }

        var window = Math.Max(0, (b.Length / 2) - 1);
        int matches, transpositions;
        if (b.Length <= CharPositions.MaxLength)
        {
            (matches, transpositions) = MatchBits(a, b, window);
        }
        else
        {
            (matches, transpositions) = MatchFlags(a, b, window);
        }

        if (matches == 0)
        {
            return 0;
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

    /// <summary>
    /// Matching characters and transpositions with the matched positions as bits: no buffers to clear. The positions of
    /// each character of a in <paramref name="b"/> (at most 64 characters) are one vector comparison, so the first
    /// unmatched equal character in a's window is the lowest bit of one AND instead of a scan of the window: the same
    /// characters match as in the textbook scan. Nothing branches on whether a character matched: between two different
    /// names or addresses that is a coin toss, and the mispredicted branches cost more than the rest of the loop.
    /// </summary>
    private static (int Matches, int Transpositions) MatchBits(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int window)
    {
        var positions = new CharPositions(b);
        ulong aMatched = 0, bMatched = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var end = Math.Min(b.Length, i + window + 1);
            var inWindow = (end == 64 ? ulong.MaxValue : (1UL << end) - 1) & ~((1UL << Math.Max(0, i - window)) - 1);
            var free = positions.Of(a[i]) & ~bMatched & inWindow;
            var first = free & (0 - free);
            bMatched |= first;
            aMatched |= ((first | (0 - first)) >> 63) << i;
        }

        return (System.Numerics.BitOperations.PopCount(aMatched), Transpositions(a, b, aMatched, bMatched));
    }

    private static int Transpositions(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ulong aMatched, ulong bMatched)
    {
        var transpositions = 0;
        while (aMatched != 0)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(aMatched);
            var j = System.Numerics.BitOperations.TrailingZeroCount(bMatched);
            transpositions += a[i] != b[j] ? 1 : 0;
            aMatched &= aMatched - 1;
            bMatched &= bMatched - 1;
        }

        return transpositions;
    }

    private static (int Matches, int Transpositions) MatchFlags(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int window)
    {
        Span<bool> aMatched = stackalloc bool[a.Length];
        Span<bool> bMatched = stackalloc bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var start = Math.Max(0, i - window);
            var end = Math.Min(b.Length, i + window + 1);
            for (var j = start; j < end; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        return (matches, transpositions);
    }
}
