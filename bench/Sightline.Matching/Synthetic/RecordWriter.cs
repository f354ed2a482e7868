using System.Text;
using Sightline.Core.Identity.Matching;
using Sightline.Matching.Text;

namespace Sightline.Matching.Synthetic;

/// <summary>
/// Writes a person down as a record: the first record as it is (some fields missing), later ones the way another
/// system or a careless form would, with one to three corruptions and a different format.
/// </summary>
internal sealed class RecordWriter(Random random, PersonFactory people)
{
    // Relative weights: typos and nicknames are the bulk of real duplicates, swapped name fields are rare.
    private static readonly (Corruption Kind, double Weight)[] Weights =
    [
        (Corruption.GivenNameTypo, 3), (Corruption.SurnameTypo, 3), (Corruption.Nickname, 2), (Corruption.DroppedSecondSurname, 2),
        (Corruption.SwappedDayMonth, 1.5), (Corruption.BirthDateTypo, 1), (Corruption.OtherEmailDomain, 1.5), (Corruption.NewEmail, 0.5),
        (Corruption.MissingFields, 2), (Corruption.PhoneTypo, 0.5), (Corruption.DocumentTypo, 0.5), (Corruption.PostcodeTypo, 0.5),
        (Corruption.NamesSwapped, 0.3),
    ];

    private static readonly double TotalWeight = Weights.Sum(w => w.Weight);

    public PersonRecord Original(Person person)
    {
        var draft = Draft.Of(person);
        DropMissing(draft);
        return draft.ToRecord();
    }

    public PersonRecord Duplicate(Person person)
    {
        if (random.NextDouble() < 0.15)
        {
            person = people.Moved(person);
        }

        var draft = Draft.Of(person);
        var corruptions = 1 + (random.NextDouble() < 0.35 ? 1 : 0) + (random.NextDouble() < 0.15 ? 1 : 0);
        for (var i = 0; i < corruptions; i++)
        {
            Apply(Pick(), person, draft);
        }

        DropMissing(draft);
        Reformat(person, draft);
        return draft.ToRecord();
    }

    private Corruption Pick()
    {
        var roll = random.NextDouble() * TotalWeight;
        foreach (var (kind, weight) in Weights)
        {
            if ((roll -= weight) < 0)
            {
                return kind;
            }
        }

        return Weights[^1].Kind;
    }

    private void Apply(Corruption corruption, Person person, Draft draft)
    {
        switch (corruption)
        {
            case Corruption.Nickname when people.LocaleOf(person).Nicknames.TryGetValue(person.GivenName, out var nicknames):
                draft.GivenName = nicknames[random.Next(nicknames.Length)];
                break;
            case Corruption.GivenNameTypo or Corruption.Nickname:
                draft.GivenName = Typo(draft.GivenName);
                break;
            case Corruption.DroppedSecondSurname when person.SecondSurname is not null:
                draft.Surname = person.Surname;
                break;
            case Corruption.SurnameTypo or Corruption.DroppedSecondSurname:
                draft.Surname = Typo(draft.Surname);
                break;
            case Corruption.SwappedDayMonth when person.BirthDate.Day <= 12 && person.BirthDate.Day != person.BirthDate.Month:
                draft.BirthDate = $"{person.BirthDate.Year:D4}-{person.BirthDate.Day:D2}-{person.BirthDate.Month:D2}";
                break;
            case Corruption.SwappedDayMonth or Corruption.BirthDateTypo:
                draft.BirthDate = DigitTypo(draft.BirthDate);
                break;
            case Corruption.OtherEmailDomain when draft.Email is { } email:
                var domains = people.LocaleOf(person).EmailDomains;
                draft.Email = $"{email[..email.IndexOf('@', StringComparison.Ordinal)]}@{domains[random.Next(domains.Count)]}";
                break;
            case Corruption.OtherEmailDomain or Corruption.NewEmail:
                draft.Email = people.Email(people.LocaleOf(person), person.GivenName, person.Surname, person.BirthDate);
                break;
            case Corruption.MissingFields:
                for (var dropped = random.Next(1, 3); dropped > 0; dropped--)
                {
                    switch (random.Next(5))
                    {
                        case 0: draft.Email = null; break;
                        case 1: draft.Phone = null; break;
                        case 2: draft.Street = null; break;
                        case 3: draft.BirthDate = null; break;
                        default: draft.DocumentId = null; break;
                    }
                }

                break;
            case Corruption.PhoneTypo:
                draft.Phone = DigitTypo(draft.Phone);
                break;
            case Corruption.DocumentTypo:
                draft.DocumentId = DigitTypo(draft.DocumentId);
                break;
            case Corruption.PostcodeTypo:
                draft.Postcode = person.Spanish ? DigitTypo(draft.Postcode) : Typo(draft.Postcode);
                break;
            case Corruption.NamesSwapped:
                (draft.GivenName, draft.Surname) = (draft.Surname, draft.GivenName);
                break;
        }
    }

    // Sources differ in what they collect: each record, the first included, lacks some fields.
    private void DropMissing(Draft draft)
    {
        draft.Email = random.NextDouble() < 0.15 ? null : draft.Email;
        draft.Phone = random.NextDouble() < 0.25 ? null : draft.Phone;
        draft.Street = random.NextDouble() < 0.10 ? null : draft.Street;
        draft.DocumentId = random.NextDouble() < 0.50 ? null : draft.DocumentId;
        draft.BirthDate = random.NextDouble() < 0.03 ? null : draft.BirthDate;
        if (random.NextDouble() < 0.05)
        {
            (draft.City, draft.Postcode) = (null, null);
        }
    }

    // Formats that a matcher must see through without calling them errors.
    private void Reformat(Person person, Draft draft)
    {
        if (random.NextDouble() < 0.25)
        {
            draft.GivenName = draft.GivenName is null ? null : Folding.StripAccents(draft.GivenName);
            draft.Surname = draft.Surname is null ? null : Folding.StripAccents(draft.Surname);
            draft.City = draft.City is null ? null : Folding.StripAccents(draft.City);
        }

        if (random.NextDouble() < 0.15)
        {
            draft.GivenName = draft.GivenName?.ToUpperInvariant();
            draft.Surname = draft.Surname?.ToUpperInvariant();
        }

        if (random.NextDouble() < 0.3)
        {
            draft.BirthDate = draft.BirthDate?.Replace("-", "", StringComparison.Ordinal);
        }

        if (draft.Phone is { } phone && random.NextDouble() < 0.6)
        {
            draft.Phone = person.Spanish
                ? random.Next(3) switch { 0 => $"+34 {phone[..3]} {phone[3..6]} {phone[6..]}", 1 => $"0034{phone}", _ => $"{phone[..3]} {phone[3..5]} {phone[5..7]} {phone[7..]}" }
                : random.Next(2) == 0 ? $"+44 {phone[..4]} {phone[4..]}" : $"0{phone[..4]} {phone[4..]}";
        }

        if (draft.Street is { } street && random.NextDouble() < 0.3)
        {
            foreach (var (full, abbreviation) in people.LocaleOf(person).StreetTypes)
            {
                street = street.Replace(full, abbreviation, StringComparison.Ordinal);
            }

            draft.Street = street;
        }

        if (draft.DocumentId is { } document && person.Spanish && random.NextDouble() < 0.3)
        {
            draft.DocumentId = $"{document[..^1]}-{document[^1]}";
        }
    }

    /// <summary>One keying error: a wrong, missing, doubled or transposed letter, rarely the first.</summary>
    private string? Typo(string? text)
    {
        if (text is null || text.Length < 3)
        {
            return text;
        }

        var position = random.NextDouble() < 0.1 ? 0 : random.Next(1, text.Length);
        for (var attempt = 0; attempt < 5 && !char.IsLetterOrDigit(text[position]); attempt++)
        {
            position = random.Next(1, text.Length);
        }

        var typed = new StringBuilder(text);
        switch (random.Next(4))
        {
            case 0:
                var letter = (char)('a' + random.Next(26));
                typed[position] = char.IsUpper(text[position]) ? char.ToUpperInvariant(letter) : letter;
                break;
            case 1:
                typed.Remove(position, 1);
                break;
            case 2:
                typed.Insert(position, text[position]);
                break;
            default:
                position = Math.Max(1, position);
                (typed[position - 1], typed[position]) = (typed[position], typed[position - 1]);
                break;
        }

        return typed.ToString();
    }

    private string? DigitTypo(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToList();
        if (digits.Count == 0)
        {
            return text;
        }

        var typed = text.ToCharArray();
        typed[digits[random.Next(digits.Count)]] = (char)('0' + random.Next(10));
        return new string(typed);
    }

    /// <summary>A record being written; every field may still be changed or dropped.</summary>
    private sealed class Draft
    {
        public string? GivenName { get; set; }

        public string? Surname { get; set; }

        public string? BirthDate { get; set; }

        public string? Street { get; set; }

        public string? City { get; set; }

        public string? Postcode { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? DocumentId { get; set; }

        public static Draft Of(Person person) => new()
        {
            GivenName = person.GivenName,
            Surname = person.FullSurname,
            BirthDate = person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Street = person.Street,
            City = person.City,
            Postcode = person.Postcode,
            Email = person.Email,
            Phone = person.Phone,
            DocumentId = person.DocumentId,
        };

        // The id is assigned after shuffling, so it says nothing about the entity.
        public PersonRecord ToRecord() => new()
        {
            Id = "",
            GivenName = GivenName,
            Surname = Surname,
            BirthDate = BirthDate,
            Street = Street,
            City = City,
            Postcode = Postcode,
            Email = Email,
            Phone = Phone,
            DocumentId = DocumentId,
        };
    }
}
