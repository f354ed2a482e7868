using Sightline.Matching.Text;

namespace Sightline.Matching.Synthetic;

/// <summary>Makes true people, half Spanish and half English, and their relatives: the look-alikes a matcher must keep apart.</summary>
internal sealed class PersonFactory
{
    private static readonly DateOnly Earliest = new(1935, 1, 1);
    private static readonly DateOnly Latest = new(2007, 12, 31);

    private readonly Random random;
    private readonly Population spanish;
    private readonly Population english;

    // An address belongs to one person: two people may share a local part across domains, never a whole address.
    private readonly HashSet<string> emails = new(StringComparer.Ordinal);

    public PersonFactory(Random random)
    {
        this.random = random;
        spanish = new Population(SpanishLocale.Create());
        english = new Population(EnglishLocale.Create());
    }

    public Locale LocaleOf(Person person) => (person.Spanish ? spanish : english).Locale;

    public Person NewPerson()
    {
        var population = random.NextDouble() < 0.5 ? spanish : english;
        var given = population.GivenName(random);
        var surname = population.Surname(random);
        var second = population.Locale.Spanish ? population.Surname(random) : null;
        var born = Earliest.AddDays(random.Next(Latest.DayNumber - Earliest.DayNumber + 1));
        var (city, postcode, street) = Address(population);
        return new Person
        {
            Spanish = population.Locale.Spanish,
            GivenName = given,
            Surname = surname,
            SecondSurname = second,
            BirthDate = born,
            Street = street,
            City = city,
            Postcode = postcode,
            Email = Email(population.Locale, given, surname, born),
            Phone = Phone(population.Locale.Spanish),
            DocumentId = Document(population.Locale.Spanish),
        };
    }

    /// <summary>
    /// Someone of the same household: the same surname(s) and address, sometimes the same phone. A few are twins (same
    /// birth date) and some share the given name with a parent (father and son): the hardest negatives there are.
    /// </summary>
    public Person RelativeOf(Person person)
    {
        var population = person.Spanish ? spanish : english;
        var roll = random.NextDouble();
        string given;
        DateOnly born;
        var second = person.SecondSurname;
        if (roll < 0.05)
        {
            given = OtherGivenName(population, person.GivenName);
            born = person.BirthDate;
        }
        else if (roll < 0.15)
        {
            given = person.GivenName;
            born = Within(person.BirthDate, (random.Next(20, 36) * 365) + random.Next(-180, 181));
            second = person.Spanish ? population.Surname(random) : null;
        }
        else
        {
            given = OtherGivenName(population, person.GivenName);
            born = Within(person.BirthDate, random.Next(1, 12 * 365));
        }

        return person with
        {
            GivenName = given,
            SecondSurname = second,
            BirthDate = born,
            Email = Email(population.Locale, given, person.Surname, born),
            Phone = random.NextDouble() < 0.3 ? person.Phone : Phone(person.Spanish),
            DocumentId = Document(person.Spanish),
        };
    }

    /// <summary>A new address in the person's country, for a record made after a move.</summary>
    public Person Moved(Person person)
    {
        var (city, postcode, street) = Address(person.Spanish ? spanish : english);
        return person with { City = city, Postcode = postcode, Street = street };
    }

    public string Email(Locale locale, string given, string surname, DateOnly born)
    {
        var first = Folding.Fold(given.Split(' ')[0])!;
        var last = Folding.Fold(surname)!;
        var local = random.Next(6) switch
        {
            0 => $"{first}.{last}",
            1 => $"{first}{last}{born.Year % 100:D2}",
            2 => $"{first[0]}{last}",
            3 => $"{first}_{last}{random.Next(1, 1000)}",
            4 => $"{last}.{first}",
            _ => $"{first}{random.Next(1, 100)}",
        };
        var domain = locale.EmailDomains[Math.Min(random.Next(locale.EmailDomains.Count), random.Next(locale.EmailDomains.Count))];
        var email = $"{local}@{domain}";
        while (!emails.Add(email))
        {
            email = $"{local}{random.Next(1, 1000)}@{domain}";
        }

        return email;
    }

    public string Phone(bool spanish) =>
        spanish ? $"6{random.Next(10_000_000, 100_000_000)}" : $"7{random.Next(100_000_000, 1_000_000_000)}";

    /// <summary>A date <paramref name="days"/> before or after <paramref name="date"/>, whichever direction stays in range.</summary>
    private DateOnly Within(DateOnly date, int days)
    {
        // Clamping instead would pile relatives of the oldest and youngest onto two dates, a false look-alike signal.
        var earlier = date.DayNumber - days >= Earliest.DayNumber;
        var later = date.DayNumber + days <= Latest.DayNumber;
        var sign = earlier && later ? (random.Next(2) == 0 ? -1 : 1) : earlier ? -1 : later ? 1 : 0;
        return DateOnly.FromDayNumber(date.DayNumber + (sign * days));
    }

    private string OtherGivenName(Population population, string not)
    {
        string given;
        do
        {
            given = population.GivenName(random);
        }
        while (string.Equals(given, not, StringComparison.Ordinal));
        return given;
    }

    private (string City, string Postcode, string Street) Address(Population population)
    {
        var (city, area) = population.City(random);
        var locale = population.Locale;
        var (type, _) = locale.StreetTypes[Math.Min(random.Next(locale.StreetTypes.Count), random.Next(locale.StreetTypes.Count))];
        var name = locale.StreetNames[random.Next(locale.StreetNames.Count)];
        if (locale.Spanish)
        {
            return (city, $"{area}{random.Next(1, 100):D3}", $"{type} {name} {random.Next(1, 150)}, {random.Next(1, 9)}º {(char)('A' + random.Next(4))}");
        }

        const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";
        var postcode = $"{area}{random.Next(1, 21)} {random.Next(1, 10)}{UnitLetters[random.Next(UnitLetters.Length)]}{UnitLetters[random.Next(UnitLetters.Length)]}";
        return (city, postcode, $"{random.Next(1, 250)} {name} {type}");
    }

    private string Document(bool spanish)
    {
        if (spanish)
        {
            const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";
            var number = random.Next(10_000_000, 100_000_000);
            return $"{number}{Letters[number % 23]}";
        }

        const string Prefix = "ABCEGHJKLMNPRSTWXYZ";
        return $"{Prefix[random.Next(Prefix.Length)]}{Prefix[random.Next(Prefix.Length)]}{random.Next(0, 1_000_000):D6}{"ABCD"[random.Next(4)]}";
    }

    /// <summary>A locale with its frequency tables built once.</summary>
    private sealed class Population(Locale locale)
    {
        private readonly ZipfChoice<string> givenNames = new(locale.GivenNames, 0.5);
        private readonly ZipfChoice<string> surnames = new(locale.Surnames, 0.4);
        private readonly ZipfChoice<(string, string)> cities = new(locale.Cities, 0.9);

        public Locale Locale => locale;

        public string GivenName(Random random) => givenNames.Next(random);

        public string Surname(Random random) =>
            random.NextDouble() < locale.RareSurnameShare
                ? locale.SurnameStarts[random.Next(locale.SurnameStarts.Count)] + locale.SurnameEnds[random.Next(locale.SurnameEnds.Count)]
                : surnames.Next(random);

        public (string Name, string PostcodeArea) City(Random random) => cities.Next(random);
    }
}
