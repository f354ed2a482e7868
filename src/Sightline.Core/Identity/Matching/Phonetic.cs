using System.Text;

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

        var key = new StringBuilder(KeyLength);
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
                    if (key.Length == 0)
                    {
                        key.Append('0');
                    }

                    last = '\0';
                }

                continue;
            }

            if (code != last)
            {
                key.Append(code);
                if (key.Length == KeyLength)
                {
                    break;
                }
            }

            last = code;
        }

        return key.Length == 0 ? null : key.ToString();
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
