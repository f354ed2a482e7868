using System.Globalization;
using System.Text;
using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Standardization;

/// <summary>
/// Person names as stored: clean spacing, composed accents, proper case for names typed in one case, and one full
/// name split into given name and surname with the Spanish two-surname convention in mind.
/// </summary>
public static class PersonNames
{
    // Particles stay lower-case inside a name ("de la Fuente", "van der Berg", "dos Santos").
    private static readonly HashSet<string> Particles = ["de", "del", "da", "das", "do", "dos", "di", "van", "von", "y", "ten", "ter"];

    // These are particles only right after another one ("de la", "de los", "van der", "van den").
    private static readonly HashSet<string> FollowingParticles = ["la", "las", "los", "der", "den"];

    // Compound given names, folded; a full name starting with one keeps it whole as the given name.
    private static readonly HashSet<string> CompoundGivenNames =
    [
        "jose maria", "maria jose", "juan carlos", "juan jose", "juan antonio", "juan manuel", "juan pablo", "juan luis",
        "juan francisco", "juan ignacio", "juan martin", "juan cruz", "juan diego", "juan camilo", "juan sebastian",
        "jose luis", "jose antonio", "jose manuel", "jose miguel", "jose carlos", "jose ignacio", "jose ramon",
        "jose angel", "jose francisco", "jose javier", "jose enrique", "jose alberto", "jose pablo", "jose juan",
        "jose de jesus", "luis miguel", "luis alberto", "luis fernando", "luis enrique", "luis carlos", "miguel angel",
        "francisco javier", "francisco jose", "pedro pablo", "carlos alberto", "jesus maria", "juan de dios",
        "maria del carmen", "maria del pilar", "maria del mar", "maria del rosario", "maria del sol", "maria de la luz",
        "maria de los angeles", "maria de las mercedes", "maria de jesus", "maria de lourdes", "maria de la paz",
        "maria teresa", "maria isabel", "maria luisa", "maria elena", "maria dolores", "maria angeles", "maria antonia",
        "maria cristina", "maria eugenia", "maria fernanda", "maria jesus", "maria victoria", "maria paz", "maria pilar",
        "maria carmen", "maria rosa", "maria ines", "maria laura", "maria camila", "maria alejandra", "maria belen",
        "maria guadalupe", "maria soledad", "maria mercedes", "maria luz", "maria jose", "mari carmen", "mari paz",
        "ana belen", "ana maria", "ana isabel", "ana sofia", "ana lucia", "ana paula", "rosa maria", "luz maria",
        "mary ann", "mary anne", "mary jane", "mary beth", "mary kate", "anne marie", "ann marie", "anna maria",
        "jean pierre", "jean paul", "jean luc", "jean claude", "jean marc", "marie claire", "marie france",
        "joao pedro", "joao paulo", "ana carolina", "maria eduarda", "luiz carlos", "luiz fernando",
    ];

    /// <summary>
    /// Cleans one name field: trims, collapses white space, drops control and invisible characters, composes
    /// accents (NFC for Latin letters). A name typed all in capitals or all in lower case gets proper case
    /// ("JOSÉ MARÍA" → "José María", "o'neill" → "O'Neill", "mcdonald" → "McDonald") with particles lower-case
    /// inside it ("de la Fuente"); a name already in mixed case is kept as written.
    /// </summary>
    public static string Clean(string raw)
    {
        var spaced = Collapse(raw ?? string.Empty);
        var composed = LatinComposition.Compose(spaced);
        return HasOneCase(composed) ? ProperCase(composed) : composed;
    }

    /// <summary>
    /// Splits one full-name field. "LAST, FIRST" is read as such. Otherwise a known compound given name at the start
    /// ("José María", "María del Carmen", "Mary Ann") is the given name and the rest the surname; a particle joins
    /// the word after it ("de la Fuente" is one surname); with three or more parts the last two are the surnames
    /// (Spanish "García López"), with two the first is the given name. One word is a given name alone.
    /// Both parts are cleaned with <see cref="Clean"/>.
    /// </summary>
    public static PersonName Split(string raw)
    {
        var name = Clean(raw);
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var surname = Clean(name[..comma]);
            var given = Clean(name[(comma + 1)..].Replace(',', ' '));
            return surname.Length == 0 ? SplitWords(given) : new PersonName(given.Length == 0 ? null : given, surname);
        }

        return SplitWords(name);
    }

    private static PersonName SplitWords(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new PersonName(null, null);
        }

        var compound = CompoundLength(words);
        if (compound > 0)
        {
            return new PersonName(string.Join(' ', words[..compound]), string.Join(' ', words[compound..]));
        }

        var units = Units(words);
        return units.Count switch
        {
            1 => new PersonName(units[0], null),
            2 => new PersonName(units[0], units[1]),
            _ => new PersonName(string.Join(' ', units[..^2]), string.Join(' ', units[^2..])),
        };
    }

    private static int CompoundLength(string[] words)
    {
        // The longest known compound that still leaves a surname.
        for (var length = Math.Min(4, words.Length - 1); length >= 2; length--)
        {
            var key = TextFold.Fold(string.Join(' ', words[..length]));
            if (key is not null && CompoundGivenNames.Contains(key))
            {
                return length;
            }
        }

        return 0;
    }

    // Words grouped so that a run of particles travels with the word after it: "Ana", "García", "de la Fuente".
    private static List<string> Units(string[] words)
    {
        var units = new List<string>();
        var pending = new StringBuilder();
        foreach (var word in words)
        {
            pending.Append(pending.Length > 0 ? " " : string.Empty).Append(word);
            if (!IsParticle(word))
            {
                units.Add(pending.ToString());
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            units.Add(pending.ToString());
        }

        return units;
    }

    private static bool IsParticle(string word)
    {
        var lower = word.ToLowerInvariant();
        return Particles.Contains(lower) || FollowingParticles.Contains(lower);
    }

    private static string Collapse(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var space = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                AppendSpace(builder, ref space).Append(c).Append(raw[++i]);
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            AppendSpace(builder, ref space).Append(c);
        }

        return builder.ToString();
    }

    private static StringBuilder AppendSpace(StringBuilder builder, ref bool space)
    {
        if (space)
        {
            builder.Append(' ');
            space = false;
        }

        return builder;
    }

    private static bool HasOneCase(string text)
    {
        bool upper = false, lower = false;
        foreach (var c in text)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return !(upper && lower);
    }

    private static string ProperCase(string text)
    {
        var lower = text.ToLowerInvariant().Split(' ');
        var words = new string[lower.Length];
        for (var i = 0; i < lower.Length; i++)
        {
            var particle = i > 0 && (Particles.Contains(lower[i])
                || (FollowingParticles.Contains(lower[i]) && Particles.Contains(lower[i - 1])));
            words[i] = particle ? lower[i] : CapitalizeWord(lower[i]);
        }

        return string.Join(' ', words);
    }

    private static string CapitalizeWord(string word)
    {
        var chars = word.ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (start)
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                    start = false;
                }
            }
            else if (chars[i] is '-' or '\'' or '’' or '.')
            {
                // A new part after a hyphen, apostrophe or initial: García-López, O'Neill, J.R.
                start = true;
            }
        }

        // Mc is a prefix of its own: McDonald, McGregor. Mac is left alone: Machado, Macías.
        if (chars.Length > 3 && chars[0] == 'M' && chars[1] == 'c' && char.IsLetter(chars[2]))
        {
            chars[2] = char.ToUpperInvariant(chars[2]);
        }

        return new string(chars);
    }
}
