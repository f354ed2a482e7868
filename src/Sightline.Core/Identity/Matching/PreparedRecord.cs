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
        var surnameTokens = (TextFold.Fold(record.Surname)?.Split(' ') ?? []).Where(t => !Particles.Contains(t)).ToArray();
        if (surnameTokens.Length == 0 && TextFold.Fold(record.Surname) is { } onlyParticles)
        {
            surnameTokens = onlyParticles.Split(' ');
        }

        var groups = Nicknames.Of(given).Concat(givenTokens.Length > 0 ? Nicknames.Of(givenTokens[0]) : []).Distinct().Order().ToArray();
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
            Postcode = TextFold.Fold(record.Postcode)?.Replace(" ", "", StringComparison.Ordinal),
            Email = string.IsNullOrEmpty(email) ? null : email,
            EmailLocal = plus > 0 ? local![..plus] : local,
            Phone = phone is null || phone.Length < 6 ? null : phone.Length > 9 ? phone[^9..] : phone,
            Document = TextFold.Fold(record.DocumentId)?.Replace(" ", "", StringComparison.Ordinal),
        };
    }

    /// <summary>yyyyMMdd from yyyy-MM-dd, yyyyMMdd or dd/MM/yyyy; anything else keeps its digits as they are.</summary>
    private static string? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(['-', '/', '.', ' ', 'T'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3 && parts[..3].All(p => p.All(char.IsAsciiDigit)))
        {
            var (year, month, day) = parts[0].Length == 4 ? (parts[0], parts[1], parts[2]) : parts[2].Length == 4 ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2]);
            return year.PadLeft(4, '0') + month.PadLeft(2, '0') + day.PadLeft(2, '0');
        }

        return TextFold.Digits(text);
    }
}
