using System.Buffers;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// A <see cref="PersonRecord"/> folded and split once, so that comparing it with many candidates costs no
/// further allocation: names folded and tokenized, sound keys, nickname groups, the date's eight digits.
/// </summary>
internal sealed class PreparedRecord
{
    // Joining words that are not surnames in themselves: "García de la Vega", "Pérez y Gómez", "van der Berg".
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "del", "la", "las", "los", "y", "e", "i", "van", "von", "der", "den", "da", "di", "do", "dos", "das", "du", "le" };

    private PreparedRecord()
    {
    }

    public string? Given { get; private init; }

    public string? GivenFirst { get; private init; }

    public string[] GivenTokens { get; private init; } = [];

    public string? GivenSound { get; private init; }

    /// <summary>The given names written together ("matthews" from "matthe ws"), for swaps and run-together spellings.</summary>
    public string? GivenJoined { get; private init; }

    public int[] GivenGroups { get; private init; } = [];

    public string? Surname { get; private init; }

    public string? SurnameFirst { get; private init; }

    public string[] SurnameTokens { get; private init; } = [];

    /// <summary>The surnames written together ("garciamarquez"), for hyphenated and run-together spellings.</summary>
    public string? SurnameJoined { get; private init; }

    public string? SurnameSound { get; private init; }

    /// <summary>yyyyMMdd.</summary>
    public string? BirthDate { get; private init; }

    public string? Street { get; private init; }

    public string? City { get; private init; }

    public string? Postcode { get; private init; }

    public string? Email { get; private init; }

    public string? EmailLocal { get; private init; }

    /// <summary>The last nine digits: national numbers and their international forms compare equal.</summary>
    public string? Phone { get; private init; }

    public string? Document { get; private init; }

    public static PreparedRecord From(PersonRecord record)
    {
        var given = TextFold.Fold(record.GivenName);
        var givenTokens = given?.Split(' ') ?? [];
        var surnameTokens = SplitSurname(TextFold.Fold(record.Surname));

        var groups = Nicknames.Union(Nicknames.Of(given), givenTokens.Length > 0 ? Nicknames.Of(givenTokens[0]) : []);
        var email = record.Email?.Trim().ToLowerInvariant();
        var at = email?.IndexOf('@') ?? -1;
        var local = at > 0 ? email![..at] : null;
        var plus = local?.IndexOf('+') ?? -1;
        var phone = TextFold.Digits(record.Phone);
        return new PreparedRecord
        {
            Given = given,
            GivenFirst = givenTokens.Length > 0 ? givenTokens[0] : null,
            GivenTokens = givenTokens,
            GivenSound = Phonetic.Key(given),
            GivenJoined = givenTokens.Length > 0 ? string.Concat(givenTokens) : null,
            GivenGroups = groups,
            Surname = surnameTokens.Length > 0 ? string.Join(' ', surnameTokens) : null,
            SurnameFirst = surnameTokens.Length > 0 ? surnameTokens[0] : null,
            SurnameTokens = surnameTokens,
            SurnameJoined = surnameTokens.Length > 0 ? string.Concat(surnameTokens) : null,
            SurnameSound = surnameTokens.Length > 0 ? Phonetic.Key(surnameTokens[0]) : null,
            BirthDate = Date(record.BirthDate),
            Street = TextFold.Fold(record.Street),
            City = TextFold.Fold(record.City),
            Postcode = FoldPostcode(record.Postcode),
            Email = string.IsNullOrEmpty(email) ? null : email,
            EmailLocal = plus > 0 ? local![..plus] : local,
            Phone = phone is null || phone.Length < 6 ? null : phone.Length > 9 ? phone[^9..] : phone,
            Document = TextFold.Fold(record.DocumentId)?.Replace(" ", "", StringComparison.Ordinal),
        };
    }

    /// <summary>
    /// <see cref="SurnameSound"/> and <see cref="Postcode"/> of the record, without preparing the rest: records can then
    /// be prepared in the order these give.
    /// </summary>
    public static (string? SurnameSound, string? Postcode) LocalityFields(PersonRecord record)
    {
        var surnameTokens = SplitSurname(TextFold.Fold(record.Surname));
        return (surnameTokens.Length > 0 ? Phonetic.Key(surnameTokens[0]) : null, FoldPostcode(record.Postcode));
    }

    private static string[] SplitSurname(string? surname)
    {
        var tokens = WithoutParticles(surname?.Split(' ') ?? []);
        return tokens.Length == 0 && surname is not null ? surname.Split(' ') : tokens;
    }

    private static string? FoldPostcode(string? text) => TextFold.Fold(text)?.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The tokens that are not joining particles (the array itself when all are names).</summary>
    private static string[] WithoutParticles(string[] tokens)
    {
        var names = 0;
        foreach (var token in tokens)
        {
            names += Particles.Contains(token) ? 0 : 1;
        }

        if (names == tokens.Length)
        {
            return tokens;
        }

        var kept = new string[names];
        var k = 0;
        foreach (var token in tokens)
        {
            if (!Particles.Contains(token))
            {
                kept[k++] = token;
            }
        }

        return kept;
    }

    private static readonly SearchValues<char> DateSeparators = SearchValues.Create("-/. T");

    /// <summary>yyyyMMdd from yyyy-MM-dd, yyyyMMdd or dd/MM/yyyy; anything else keeps its digits as they are.</summary>
    private static string? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The first three runs between separators, without splitting the whole text into strings.
        Span<Range> parts = stackalloc Range[3];
        var count = 0;
        for (var i = 0; i < text.Length && count < 3;)
        {
            if (DateSeparators.Contains(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !DateSeparators.Contains(text[i]))
            {
                i++;
            }

            parts[count++] = start..i;
        }

        if (count == 3 && !text.AsSpan(parts[0]).ContainsAnyExceptInRange('0', '9') && !text.AsSpan(parts[1]).ContainsAnyExceptInRange('0', '9') && !text.AsSpan(parts[2]).ContainsAnyExceptInRange('0', '9'))
        {
            var (year, month, day) = Length(parts[0]) == 4 ? (parts[0], parts[1], parts[2]) : Length(parts[2]) == 4 ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2]);
            var size = Math.Max(Length(year), 4) + Math.Max(Length(month), 2) + Math.Max(Length(day), 2);
            Span<char> date = size <= 64 ? stackalloc char[64] : new char[size];
            var written = Pad(date, text.AsSpan(year), 4);
            written += Pad(date[written..], text.AsSpan(month), 2);
            written += Pad(date[written..], text.AsSpan(day), 2);
            return new string(date[..written]);
        }

        return TextFold.Digits(text);

        int Length(Range part) => part.GetOffsetAndLength(text.Length).Length;
    }

    /// <summary>As string.PadLeft: zeros in front up to the width, a longer part whole; the characters written.</summary>
    private static int Pad(Span<char> into, ReadOnlySpan<char> digits, int width)
    {
        var zeros = Math.Max(0, width - digits.Length);
        into[..zeros].Fill('0');
        digits.CopyTo(into[zeros..]);
        return zeros + digits.Length;
    }
}
