using System.Globalization;

namespace Sightline.Cli.Demo;

/// <summary>
/// Draws the retailer's customers: mostly people on their own, plus the look-alikes that make identity resolution
/// hard: households (parents and children at one address with one landline) and namesakes (two people with the same
/// full name in the same city). The same seed always gives the same people.
/// </summary>
internal sealed class Population(Random random)
{
    /// <summary>Share of people drawn as the first member of a household.</summary>
    private const double HouseholdShare = 0.035;

    /// <summary>Share of people drawn as the first of a namesake pair.</summary>
    private const double NamesakeShare = 0.012;

    // Colombian mobile ranges in use; a random 30x-32x number is often unassigned, and libphonenumber knows it.
    private static readonly string[] ColombianMobilePrefixes = ["300", "301", "302", "304", "305", "310", "311", "312", "313", "314", "315", "316", "317", "318", "319", "320", "321", "322", "323"];

    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private int _households;
    private int _namesakes;

    public List<Person> Draw(int count)
    {
        var people = new List<Person>(count);
        while (people.Count < count)
        {
            var left = count - people.Count;
            var roll = random.NextDouble();
            if (roll < HouseholdShare && left >= 2)
            {
                people.AddRange(Household(people.Count, Math.Min(left, 2 + random.Next(3))));
            }
            else if (roll < HouseholdShare + NamesakeShare && left >= 2)
            {
                people.AddRange(Namesakes(people.Count));
            }
            else
            {
                people.Add(Single(people.Count));
            }
        }

        return people;
    }

    private Person Single(int index)
    {
        var country = PickCountry();
        // One in eight customers in Spain was born in Latin America and carries its names.
        var names = country == Countries.Spain && random.NextDouble() < 0.12 ? Countries.LatinAmerica[random.Next(Countries.LatinAmerica.Length)] : country;
        var female = random.Next(2) == 0;
        var born = Birth(1945, 2006);
        var city = Pick(country.Cities);
        var person = New(index, country, city, Given(names, female), Surname(names), names.TwoSurnames ? Surname(names) : null, born);
        // Store-only customers: Spanish residents near a store who never give an e-mail.
        return city.Store is not null && random.NextDouble() < 0.22 ? person with { StoreOnly = true, Email = null, ShopEmail = null } : person;
    }

    private IEnumerable<Person> Household(int index, int size)
    {
        var id = $"H{++_households:D4}";
        var country = PickCountry();
        var city = Pick(country.Cities);
        var street = Street(country);
        var postal = Postal(city);
        var landline = Landline(country, city);
        var fatherSurname = Surname(country);
        var motherSurname = Surname(country);
        var parentYear = 1950 + random.Next(26);
        var members = new List<Person>
        {
            New(index, country, city, Given(country, female: false), fatherSurname, country.TwoSurnames ? Surname(country) : null, Birth(parentYear, parentYear + 3)),
            // In the US the mother commonly took the father's surname; in Spain and Latin America she keeps hers.
            New(index + 1, country, city, Given(country, female: true), country.TwoSurnames ? motherSurname : fatherSurname, country.TwoSurnames ? Surname(country) : null, Birth(parentYear, parentYear + 4)),
        };
        var usedGiven = new HashSet<string>(members.Select(m => m.Given), StringComparer.Ordinal);
        while (members.Count < size)
        {
            var female = random.Next(2) == 0;
            string given;
            do
            {
                given = Given(country, female);
            }
            while (!usedGiven.Add(given));

            members.Add(New(index + members.Count, country, city, given, fatherSurname, country.TwoSurnames ? motherSurname : null, Birth(parentYear + 24, Math.Min(2006, parentYear + 40))));
        }

        return members.Select(m => m with { Household = id, Street = street, PostalCode = postal, Landline = landline, StoreOnly = false });
    }

    private IEnumerable<Person> Namesakes(int index)
    {
        var id = $"N{++_namesakes:D4}";
        var first = Single(index) with { StoreOnly = false };
        // Namesakes come from the common end of the name lists: that is where they happen.
        var given = first.Country.MaleNames[random.Next(Math.Min(6, first.Country.MaleNames.Length))];
        var surname = first.Country.Surnames[random.Next(8)];
        var second = first.Country.TwoSurnames ? first.Country.Surnames[random.Next(12)] : null;
        first = first with { Given = given, Surname = surname, SecondSurname = second, Namesake = id };
        first = first with { Email = Email(first), ShopEmail = null };
        var other = New(index + 1, first.Country, first.City, given, surname, second, Birth(1945, 2006)) with { Namesake = id };
        return [first, other];
    }

    private Person New(int index, Country country, City city, string given, string surname, string? secondSurname, DateOnly born)
    {
        var person = new Person
        {
            Id = $"P{index + 1:D6}",
            Country = country,
            City = city,
            Given = given,
            Surname = surname,
            SecondSurname = secondSurname,
            Born = born,
            Street = Street(country),
            PostalCode = Postal(city),
            Mobile = Mobile(country, city),
            CustomerId = $"cus_{index + 1:D6}",
        };
        var email = Email(person);
        // A fifth of people shop online under another address of theirs: a second provider, or a nickname.
        var shopEmail = random.NextDouble() < 0.2 ? Email(person) : null;
        return person with { Email = email, ShopEmail = shopEmail };
    }

    private Country PickCountry()
    {
        var roll = random.NextDouble();
        foreach (var (country, share) in Countries.All)
        {
            if ((roll -= share) < 0)
            {
                return country;
            }
        }

        return Countries.Spain;
    }

    private string Given(Country country, bool female) => Zipf(female ? country.FemaleNames : country.MaleNames);

    private string Surname(Country country) => Zipf(country.Surnames);

    private string Zipf(string[] names)
    {
        // Weight 1/(rank+1)^0.9: García is far more common than Goikoetxea.
        double total = 0;
        for (var i = 0; i < names.Length; i++)
        {
            total += Math.Pow(i + 1, -0.9);
        }

        var roll = random.NextDouble() * total;
        for (var i = 0; i < names.Length; i++)
        {
            if ((roll -= Math.Pow(i + 1, -0.9)) < 0)
            {
                return names[i];
            }
        }

        return names[^1];
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private DateOnly Birth(int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(random.Next((new DateOnly(toYear, 12, 31).DayNumber - new DateOnly(fromYear, 1, 1).DayNumber) + 1));

    private string Street(Country country)
    {
        var name = Pick(country.Streets);
        var number = 1 + random.Next(random.Next(3) == 0 ? 250 : 60);
        return country.Code switch
        {
            "US" => random.Next(3) == 0 ? $"{number * 10 + random.Next(10)} {name} Apt {1 + random.Next(30)}" : $"{number * 10 + random.Next(10)} {name}",
            "CO" => $"{name} # {10 + random.Next(120)}-{10 + random.Next(89)}",
            "ES" => random.Next(3) == 0 ? $"{name} {number}" : $"{name} {number}, {1 + random.Next(8)}º {(char)('A' + random.Next(4))}",
            _ => random.Next(2) == 0 ? $"{name} {number * 10 + random.Next(10)}" : $"{name} {number * 10 + random.Next(10)}, depto. {1 + random.Next(20)}",
        };
    }

    private string Postal(City city) =>
        (city.PostalFrom + random.Next(city.PostalTo - city.PostalFrom + 1)).ToString(city.PostalFormat, CultureInfo.InvariantCulture);

    private string Mobile(Country country, City city)
    {
        string number;
        do
        {
            number = country.Code switch
            {
                "ES" => (random.Next(5) == 0 ? "7" + (1 + random.Next(4)) : "6" + random.Next(10)) + Digits(7),
                "MX" or "US" => city.AreaCode + Exchange() + Digits(10 - city.AreaCode.Length - 3),
                "AR" => "9" + city.AreaCode + (5 + random.Next(2)) + Digits(9 - city.AreaCode.Length),
                "CO" => Pick(ColombianMobilePrefixes) + Digits(7),
                _ => "9" + (5 + random.Next(5)) + Digits(7),
            };
        }
        while (!_phones.Add(number));

        return number;
    }

    private string Landline(Country country, City city)
    {
        string number;
        do
        {
            number = country.Code switch
            {
                "MX" or "US" => city.AreaCode + Exchange() + Digits(10 - city.AreaCode.Length - 3),
                "AR" => city.AreaCode + "4" + Digits(9 - city.AreaCode.Length),
                "CO" => city.AreaCode + (2 + random.Next(6)) + Digits(6),
                "CL" => city.AreaCode + Digits(9 - city.AreaCode.Length),
                _ => city.AreaCode + Digits(9 - city.AreaCode.Length),
            };
        }
        while (!_phones.Add(number));

        return number;
    }

    // North American exchanges never start with 0 or 1, and N11 and 555 are reserved.
    private string Exchange()
    {
        string exchange;
        do
        {
            exchange = (2 + random.Next(8)).ToString(CultureInfo.InvariantCulture) + Digits(2);
        }
        while (exchange[1..] == "11" || exchange == "555");

        return exchange;
    }

    private string Digits(int count)
    {
        var digits = new char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        return new string(digits);
    }

    private string Email(Person person)
    {
        var given = Spelling.Plain(person.Given.Split(' ')[0]);
        var nick = Spelling.HasNickname(person.Given) && random.Next(4) == 0 ? Spelling.Plain(Spelling.Nickname(person.Given, random)) : given;
        var surname = Spelling.Plain(person.Surname);
        var second = person.SecondSurname is { } s ? Spelling.Plain(s) : "";
        var year = (person.Born.Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        var domain = Pick(person.Country.Domains);
        for (var attempt = 0; ; attempt++)
        {
            var local = random.Next(7) switch
            {
                0 => $"{nick}.{surname}",
                1 => $"{nick}{surname}{year}",
                2 => $"{given[0]}{surname}",
                3 => second.Length > 0 ? $"{given}.{surname}.{second}" : $"{given}.{surname}{year}",
                4 => $"{surname}.{given}",
                5 => $"{nick}_{surname}{random.Next(100)}",
                _ => $"{given}{surname[..Math.Min(3, surname.Length)]}{year}",
            };
            var email = attempt < 3 ? $"{local}@{domain}" : $"{local}{attempt}@{domain}";
            if (_emails.Add(email))
            {
                return email;
            }
        }
    }
}
