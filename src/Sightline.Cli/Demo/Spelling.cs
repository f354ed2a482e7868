using System.Text;

namespace Sightline.Cli.Demo;

/// <summary>
/// The ways a source gets a person's name, phone and e-mail not quite right: nicknames, typos, capitals without
/// accents, surnames dropped or swapped, numbers in every national and international form.
/// </summary>
internal static class Spelling
{
    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["Francisco"] = ["Paco", "Pancho", "Curro"],
        ["José"] = ["Pepe"],
        ["José María"] = ["Chema"],
        ["José Antonio"] = ["Josean"],
        ["José Luis"] = ["Joselu"],
        ["Francisco Javier"] = ["Javi", "Fran"],
        ["Javier"] = ["Javi"],
        ["Manuel"] = ["Manolo", "Manu"],
        ["Ignacio"] = ["Nacho"],
        ["Enrique"] = ["Quique"],
        ["Antonio"] = ["Toni"],
        ["Alejandro"] = ["Álex"],
        ["Jesús"] = ["Chucho", "Chus"],
        ["Eduardo"] = ["Lalo"],
        ["Guillermo"] = ["Memo", "Guille"],
        ["Alberto"] = ["Beto"],
        ["Roberto"] = ["Beto"],
        ["Daniel"] = ["Dani"],
        ["Rafael"] = ["Rafa"],
        ["Santiago"] = ["Santi"],
        ["Dolores"] = ["Lola"],
        ["María Dolores"] = ["Lola", "Loli"],
        ["Concepción"] = ["Concha"],
        ["Rosario"] = ["Charo"],
        ["Pilar"] = ["Pili"],
        ["María Pilar"] = ["Pili", "Pilar"],
        ["Mercedes"] = ["Merche"],
        ["Montserrat"] = ["Montse"],
        ["María Teresa"] = ["Maite"],
        ["Teresa"] = ["Tere"],
        ["María del Carmen"] = ["Mari Carmen", "Maricarmen"],
        ["María Carmen"] = ["Mari Carmen", "Carmen"],
        ["María José"] = ["Majo", "Marijose"],
        ["Josefa"] = ["Pepa"],
        ["Francisca"] = ["Paqui", "Paca"],
        ["Guadalupe"] = ["Lupe", "Lupita"],
        ["María Guadalupe"] = ["Lupita", "Lupe"],
        ["Patricia"] = ["Paty"],
        ["Isabel"] = ["Isa"],
        ["Cristina"] = ["Cris"],
        ["Encarnación"] = ["Encarni"],
        ["Inmaculada"] = ["Inma"],
        ["William"] = ["Bill", "Will"],
        ["Robert"] = ["Bob", "Rob"],
        ["Michael"] = ["Mike"],
        ["James"] = ["Jim", "Jimmy"],
        ["Richard"] = ["Rick"],
        ["Thomas"] = ["Tom"],
        ["Joseph"] = ["Joe"],
        ["Christopher"] = ["Chris"],
        ["Matthew"] = ["Matt"],
        ["Elizabeth"] = ["Liz", "Beth"],
        ["Katherine"] = ["Kate", "Katie"],
        ["Jennifer"] = ["Jenny", "Jen"],
        ["Margaret"] = ["Maggie", "Peggy"],
        ["Rebecca"] = ["Becky"],
    };

    public static bool HasNickname(string given) => Nicknames.ContainsKey(given);

    public static string Nickname(string given, Random random) =>
        Nicknames.TryGetValue(given, out var forms) ? forms[random.Next(forms.Length)] : given;

    /// <summary>One slip of the keyboard: two letters swapped, one dropped or one doubled, never the first letter.</summary>
    public static string Typo(string text, Random random)
    {
        var letters = Enumerable.Range(1, Math.Max(0, text.Length - 2)).Where(i => char.IsLetter(text[i]) && char.IsLetter(text[i + 1])).ToArray();
        if (letters.Length == 0)
        {
            return text;
        }

        var i = letters[random.Next(letters.Length)];
        return random.Next(3) switch
        {
            0 => string.Concat(text.AsSpan(0, i), text[i + 1].ToString(), text[i].ToString(), text.AsSpan(i + 2)),
            1 => text.Remove(i, 1),
            _ => text.Insert(i, text[i].ToString()),
        };
    }

    // By table, not string.Normalize: the CLI runs with invariant globalization, where normalization is not available.
    private const string Accented = "áàâäãéèêëíìîïóòôöõúùûüçÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇ";
    private const string Unaccented = "aaaaaeeeeiiiiooooouuuucAAAAAEEEEIIIIOOOOOUUUUC";

    /// <summary>As typed from a paper form: capitals, no accents (but Ñ stays, as Spanish keyboards have it).</summary>
    public static string PaperCapitals(string text) => Unaccent(text).ToUpperInvariant();

    /// <summary>Lower case, no accents, letters only: the raw material of e-mail local parts.</summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in Unaccent(text).Replace('ñ', 'n').Replace('Ñ', 'N'))
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string Unaccent(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var at = Accented.IndexOf(source[i], StringComparison.Ordinal);
                span[i] = at < 0 ? source[i] : Unaccented[at];
            }
        });

    /// <summary>
    /// A phone as people write it: <paramref name="nationalNumber"/> is the national significant number (600123456);
    /// Spanish numbers in a file whose numbers default to Spain (<paramref name="localRegion"/> ES) come in every
    /// national and international form, the others always international.
    /// </summary>
    public static string Phone(Country country, string nationalNumber, string? localRegion, Random random)
    {
        var n = nationalNumber;
        if (country.Code == localRegion && country.Code == "ES")
        {
            return random.Next(8) switch
            {
                0 => n,
                1 => $"{n[..3]} {n[3..5]} {n[5..7]} {n[7..]}",
                2 => $"{n[..3]} {n[3..6]} {n[6..]}",
                3 => $"+34 {n[..3]} {n[3..5]} {n[5..7]} {n[7..]}",
                4 => $"0034{n}",
                5 => $"(+34) {n[..3]}-{n[3..6]}-{n[6..]}",
                6 => $"+34{n}",
                _ => $"{n[..3]}-{n[3..5]}-{n[5..7]}-{n[7..]}",
            };
        }

        var dial = country.DialCode;
        return country.Code switch
        {
            "US" => random.Next(3) switch
            {
                0 => $"+1 ({n[..3]}) {n[3..6]}-{n[6..]}",
                1 => $"+1 {n[..3]}-{n[3..6]}-{n[6..]}",
                _ => $"001 {n[..3]} {n[3..6]} {n[6..]}",
            },
            _ => random.Next(3) switch
            {
                0 => $"+{dial} {Grouped(n)}",
                1 => $"+{dial}{n}",
                _ => $"00{dial} {Grouped(n)}",
            },
        };
    }

    /// <summary>The E.164 form, as a web or app client sends it.</summary>
    public static string E164(Country country, string nationalNumber) => $"+{country.DialCode}{nationalNumber}";

    private static string Grouped(string n) => n.Length switch
    {
        10 => $"{n[..2]} {n[2..6]} {n[6..]}",
        11 => $"{n[..1]} {n[1..3]} {n[3..7]} {n[7..]}",
        9 => $"{n[..1]} {n[1..5]} {n[5..]}",
        _ => n,
    };
}
