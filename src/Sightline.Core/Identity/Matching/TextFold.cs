namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Folds text for comparison: lower case, accents removed ("José Ñúñez" → "jose nunez"), every run of other
/// characters one space. The app runs with invariant globalization, where string.Normalize does not decompose,
/// so Latin accents are folded from a table here.
/// </summary>
internal static class TextFold
{
    private const int TableStart = 0xC0;

    // Texts up to this long are folded on the stack.
    private const int MaxStackLength = 128;
    private static readonly string[] Table = BuildTable();

    /// <summary>The folded text, or null when nothing comparable is left.</summary>
    public static string? Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A character folds to at most two letters, with a space before them: no builder, a million records fold without garbage.
        Span<char> buffer = text.Length <= MaxStackLength ? stackalloc char[MaxStackLength * 3] : new char[text.Length * 3];
        var length = 0;
        var space = false;
        foreach (var raw in text)
        {
            var c = raw;
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c + 32);
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                Append(buffer, ref length, ref space, c);
            }
            else if (c >= TableStart && c - TableStart < Table.Length && Table[c - TableStart].Length > 0)
            {
                foreach (var plain in Table[c - TableStart])
                {
                    Append(buffer, ref length, ref space, plain);
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                Append(buffer, ref length, ref space, char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '`' or '´')
            {
                // O'Brien and D'Angelo are written both ways: the apostrophe joins rather than splits.
            }
            else
            {
                space = length > 0;
            }
        }

        return length == 0 ? null : new string(buffer[..length]);
    }

    /// <summary>The plain letters of an accented Latin letter ("é" → "e", "ß" → "ss"), or null for any other character.</summary>
    public static string? Plain(char c) =>
        c >= TableStart && c - TableStart < Table.Length && Table[c - TableStart].Length > 0 ? Table[c - TableStart] : null;

    /// <summary>Only the digits of <paramref name="text"/>, or null when it has none.</summary>
    public static string? Digits(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Span<char> buffer = text.Length <= MaxStackLength ? stackalloc char[MaxStackLength] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                buffer[length++] = c;
            }
        }

        return length == 0 ? null : new string(buffer[..length]);
    }

    private static void Append(Span<char> buffer, ref int length, ref bool space, char c)
    {
        if (space)
        {
            buffer[length++] = ' ';
            space = false;
        }

        buffer[length++] = c;
    }

    private static string[] BuildTable()
    {
        var table = new string[0x180 - TableStart];
        Array.Fill(table, string.Empty);
        (string Chars, string Plain)[] groups =
        [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("Ææ", "ae"), ("ÇçĆćĈĉĊċČč", "c"), ("ÐðĎďĐđ", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"),
            ("Ĳĳ", "ij"), ("Ĵĵ", "j"), ("Ķķĸ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇňŉŊŋ", "n"),
            ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("Œœ", "oe"), ("ŔŕŖŗŘř", "r"), ("ŚśŜŝŞşŠšſ", "s"), ("ß", "ss"),
            ("ŢţŤťŦŧ", "t"), ("Þþ", "th"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"),
            ("ŹźŻżŽž", "z"),
        ];
        foreach (var (chars, plain) in groups)
        {
            foreach (var c in chars)
            {
                table[c - TableStart] = plain;
            }
        }

        return table;
    }
}
