using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Segments;

/// <summary>
/// Text comparison for segments: ignoring case and Latin accents ("espana" = "España", "ÅSA" = "asa"), and nothing
/// else, so "@gmail.com" and "o'brien" still compare character by character. The value side is folded on the fly, one
/// character at a time, so a comparison allocates nothing; literals are folded once, when a segment is compiled.
/// </summary>
internal static class TextMatch
{
    public static string Fold(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var reader = new Reader(text, 0);
        while (reader.TryNext(out var c))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    public static bool Equal(string value, string folded) => Compare(value, folded) == 0;

    public static int Compare(string value, string folded)
    {
        var reader = new Reader(value, 0);
        var i = 0;
        while (reader.TryNext(out var c))
        {
            if (i == folded.Length)
            {
                return 1;
            }

            if (c != folded[i])
            {
                return c < folded[i] ? -1 : 1;
            }

            i++;
        }

        return i == folded.Length ? 0 : -1;
    }

    public static bool StartsWith(string value, string folded) => PrefixAt(value, 0, folded);

    public static bool Contains(string value, string folded)
    {
        if (folded.Length == 0)
        {
            return true;
        }

        for (var start = 0; start < value.Length; start++)
        {
            if (PrefixAt(value, start, folded))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PrefixAt(string value, int start, string folded)
    {
        var reader = new Reader(value, start);
        foreach (var expected in folded)
        {
            if (!reader.TryNext(out var c) || c != expected)
            {
                return false;
            }
        }

        return true;
    }

    private static char FoldChar(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        < '\u0080' => c,
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>Reads the folded characters of a text; an accented letter may fold to two ("æ" → "ae").</summary>
    private struct Reader(string text, int position)
    {
        private string? _pending;
        private int _pendingIndex;

        public bool TryNext(out char c)
        {
            if (_pending is not null)
            {
                c = _pending[_pendingIndex++];
                if (_pendingIndex == _pending.Length)
                {
                    _pending = null;
                }

                return true;
            }

            char raw;
            do
            {
                if (position >= text.Length)
                {
                    c = '\0';
                    return false;
                }

                raw = text[position++];
            }
            // A combining accent typed after its letter ("e" + U+0301) folds away like a precomposed one.
            while (raw is >= '\u0300' and <= '\u036F');

            if (raw >= '\u00C0' && TextFold.Plain(raw) is { } plain)
            {
                c = plain[0];
                if (plain.Length > 1)
                {
                    _pending = plain;
                    _pendingIndex = 1;
                }

                return true;
            }

            c = FoldChar(raw);
            return true;
        }
    }
}
