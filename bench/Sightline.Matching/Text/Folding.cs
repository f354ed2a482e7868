using System.Text;

namespace Sightline.Matching.Text;

/// <summary>
/// Folds text to lower-case ASCII letters and digits. Written out because the repository runs with invariant
/// globalization, where <see cref="string.Normalize()"/> leaves accents in place.
/// </summary>
internal static class Folding
{
    private const string Accented = "áàâäãåéèêëíìîïóòôöõúùûüñçýÿ";
    private const string Plain = "aaaaaaeeeeiiiiooooouuuuncyy";

    /// <summary>Letters and digits only, lower case, accents removed; null when nothing is left.</summary>
    public static string? Fold(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var accent = Accented.IndexOf(lower, StringComparison.Ordinal);
            if (accent >= 0)
            {
                folded.Append(Plain[accent]);
            }
            else if (char.IsAsciiLetterOrDigit(lower))
            {
                folded.Append(lower);
            }
        }

        return folded.Length == 0 ? null : folded.ToString();
    }

    /// <summary>The text with its accents removed and nothing else changed (what an ASCII-only system stores).</summary>
    public static string StripAccents(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var accent = Accented.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            plain.Append(accent < 0 ? c : char.IsUpper(c) ? char.ToUpperInvariant(Plain[accent]) : Plain[accent]);
        }

        return plain.ToString();
    }
}
