namespace Sightline.Core.Identity.Matching;

/// <summary>
/// A Soundex-style sound key for Spanish and English names. Unlike Soundex, the first letter is coded too,
/// so Jiménez, Giménez and Ximénez, or Vásquez and Básquez, share a key.
/// </summary>
internal static class Phonetic
{
    private const int KeyLength = 4;

    /// <summary>The key of a folded word (lower case, no accents), or null for one without letters.</summary>
    public static string? Key(string? folded)
    {
        if (string.IsNullOrEmpty(folded))
        {
            return null;
        }

        Span<char> key = stackalloc char[KeyLength];
        var length = 0;
        var last = '\0';
        foreach (var c in folded)
        {
            if (c == ' ')
            {
                break;
            }

            var code = Code(c);
            if (code == '\0')
            {
                // h, w and y carry no sound of their own here; vowels separate repeats (as in Soundex).
                if (c is 'a' or 'e' or 'i' or 'o' or 'u')
                {
                    if (length == 0)
                    {
                        key[length++] = '0';
                    }

                    last = '\0';
                }

                continue;
            }

            if (code != last)
            {
                key[length++] = code;
                if (length == KeyLength)
                {
                    break;
                }
            }

            last = code;
        }

        return length == 0 ? null : new string(key[..length]);
    }

    private static char Code(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '\0',
    };
}
