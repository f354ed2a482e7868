using System.Globalization;

namespace Sightline.Cli.Demo;

/// <summary>
/// Writes what a Spanish outdoor retailer (stores in Spain, an online shop that ships to Latin America and the US)
/// would hold about its customers: nine exports in the built-in presets' formats, plus its website's and app's live
/// events, each source getting people a little wrong in its own way.
/// </summary>
internal sealed class Retailer(Random random)
{
    /// <summary>Share of rows each source writes with the fault its preset quarantines (a few per thousand).</summary>
    private const double QuarantineShare = 0.004;

    private static readonly DateTime Start = new(2025, 11, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly int Days = 365;

    private static readonly string[] Products =
    [
        "Zapatillas trail", "Botas montaña", "Chaqueta impermeable", "Forro polar", "Mochila 20 l", "Mochila 40 l", "Saco de dormir",
        "Tienda 2P", "Tienda 3P", "Camiseta técnica", "Calcetines", "Bastones", "Linterna frontal", "Gorro", "Guantes", "Botella",
    ];

    private static readonly (string Id, string Name, DateTime At)[] Campaigns =
    [
        ("cmp-41", "Rebajas de invierno", new DateTime(2026, 1, 8, 9, 0, 0, DateTimeKind.Unspecified)),
        ("cmp-42", "San Valentín", new DateTime(2026, 2, 5, 9, 0, 0, DateTimeKind.Unspecified)),
        ("cmp-43", "Primavera trail", new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Unspecified)),
        ("cmp-44", "Verano 2026", new DateTime(2026, 6, 15, 9, 0, 0, DateTimeKind.Unspecified)),
        ("cmp-45", "Vuelta al cole", new DateTime(2026, 9, 1, 9, 0, 0, DateTimeKind.Unspecified)),
        ("cmp-46", "Otoño 2026", new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Unspecified)),
    ];

    private readonly Dictionary<string, string> _cards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tickets = new(StringComparer.Ordinal);
    private readonly LiveEvents _live = new(random);

    private readonly SourceFile _crm = new("crm", "crm-contacts", "crm-contacts.csv", ',',
        ["Contact ID", "First Name", "Last Name", "Email", "Phone Number", "Date of Birth", "Street Address", "City", "Postal Code", "Country", "Company Name", "Lifecycle Stage", "Email Opt-In", "Last Modified Date"]);

    private readonly SourceFile _orders = new("shop", "ecommerce-orders", "ecommerce-orders.csv", ',',
        ["Order ID", "Created At", "Customer ID", "Email", "Phone", "Billing Name", "Shipping Street", "Shipping City", "Shipping Zip", "Shipping Country", "Total", "Currency", "Items", "Lineitem Names", "Discount Code"]);

    private readonly SourceFile _pos = new("pos", "pos-transactions", "pos-transactions.csv", ';',
        ["Store", "Ticket", "Date Time", "Loyalty Card", "Customer Phone", "Customer Email", "Amount", "Payment", "Items", "Main Item"]);

    private readonly SourceFile _loyalty = new("loyalty", "loyalty-members", "loyalty-members.csv", ',',
        ["Card Number", "Full Name", "Birth Date", "Mobile", "Email", "Address", "Town", "Postcode", "Tier", "Points", "Home Store", "SMS OK", "Email OK", "Signup Date"]);

    private readonly SourceFile _email = new("newsletter", "email-activity", "email-activity.csv", ',',
        ["Email", "Campaign ID", "Campaign", "Activity", "Timestamp", "URL"]);

    private readonly SourceFile _support = new("helpdesk", "support-tickets", "support-tickets.csv", ',',
        ["Ticket ID", "Created", "Requester", "Requester Email", "Requester Phone", "Subject", "Status", "Priority", "Channel", "Satisfaction"]);

    private readonly SourceFile _survey = new("survey", "survey-responses", "survey-responses.csv", ',',
        ["Response ID", "Submitted At", "Email", "Survey", "NPS", "Comment"]);

    private readonly SourceFile _reviews = new("reviews", "product-reviews", "product-reviews.csv", ',',
        ["Review ID", "Date", "Reviewer Name", "Reviewer Email", "Product", "Rating", "Title", "Review"]);

    private readonly SourceFile _social = new("social", "social-comments", "social-comments.csv", ',',
        ["Network", "Comment ID", "Published", "Handle", "Email", "Author Name", "Text", "Sentiment", "Post URL"]);

    /// <summary>The nine exports, in the order they are imported.</summary>
    public IReadOnlyList<SourceFile> Files => [_crm, _loyalty, _orders, _pos, _email, _support, _survey, _reviews, _social];

    public LiveEvents Live => _live;

    public void Generate(IReadOnlyList<Person> people)
    {
        foreach (var person in people)
        {
            var inCrm = !person.StoreOnly && random.NextDouble() < (person.Household is null ? 0.7 : 0.85);
            var optIn = false;
            if (inCrm)
            {
                optIn = Crm(person);
            }

            var buyer = !person.StoreOnly && random.NextDouble() < 0.6;
            var registered = buyer && random.NextDouble() < 0.7;
            if (buyer)
            {
                Orders(person, registered);
            }

            if (person.City.Store is not null)
            {
                Store(person);
            }

            if (optIn && person.Email is not null)
            {
                Newsletter(person);
            }

            if (!person.StoreOnly)
            {
                Conversations(person, inCrm, buyer);
                if (registered || (inCrm && random.NextDouble() < 0.15))
                {
                    _live.Visit(person, Moment());
                }
            }
        }
    }

    private bool Crm(Person p)
    {
        var (given, surnames, notes) = Name(p, nickname: 0.08, typo: 0.04, paper: false);
        var email = random.Next(20) == 0 ? Shouty(p.Email!) : p.Email;
        var phone = p.Landline is { } home && random.Next(2) == 0 ? Spelling.Phone(p.Country, home, "ES", random)
            : random.NextDouble() < 0.8 ? Spelling.Phone(p.Country, p.Mobile, "ES", random) : null;
        var optIn = random.NextDouble() < 0.7;
        var at = Moment();
        var broken = random.NextDouble() < QuarantineShare;
        _crm.Add(at, p, Join(notes, broken ? "quarantine" : ""), n =>
        {
            var id = $"C-{100001 + n}";
            return (broken ? $"{_crm.FileName}#{n + 2}" : id,
            [
                broken ? "" : id, given, surnames, email, phone,
                random.NextDouble() < 0.8 ? p.Born.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : null,
                p.Street, p.City.Name, PostalAsTyped(p), p.Country.Spellings[random.Next(p.Country.Spellings.Length)],
                random.Next(20) == 0 ? Pick(["Talleres Ruiz SL", "Grupo Andino SA", "Acme Corp", "Consultora Norte", "Café La Plaza"]) : null,
                Pick(["customer", "customer", "lead", "subscriber"]),
                optIn ? Pick(["yes", "sí", "1", "true", "Y"]) : Pick(["no", "0", "false", "N"]),
                at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            ]);
        });

        // A sales assistant types some customers in a second time, as they introduced themselves.
        if (random.NextDouble() < 0.04)
        {
            var nick = Spelling.HasNickname(p.Given) ? Spelling.Nickname(p.Given, random) : Spelling.Typo(p.Given, random);
            var second = p.ShopEmail;
            _crm.Add(at.AddDays(30 + random.Next(200)), p, Join("crm-duplicate", Spelling.HasNickname(p.Given) ? "nickname" : "typo", second is null ? "" : "email-variant"), n =>
            ($"C-{100001 + n}",
            [
                $"C-{100001 + n}", nick, p.Surname, second, Spelling.Phone(p.Country, p.Mobile, "ES", random), null,
                null, p.City.Name, null, p.Country.Spellings[0], null, "lead", "no", at.AddDays(31).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            ]));
        }

        return optIn;
    }

    private void Orders(Person p, bool registered)
    {
        var count = 1 + (random.NextDouble() < 0.5 ? random.Next(4) : 0);
        var email = p.ShopEmail ?? p.Email;
        for (var i = 0; i < count; i++)
        {
            var at = Moment();
            var broken = random.NextDouble() < QuarantineShare;
            var (billing, notes) = FullName(p, paper: false);
            var phone = random.NextDouble() < 0.35 ? Spelling.Phone(p.Country, p.Mobile, "ES", random) : null;
            var items = 1 + random.Next(3);
            var lines = string.Join("; ", Enumerable.Range(0, items).Select(_ => Pick(Products)).Distinct());
            var (total, currency) = Total(p.Country);
            var variant = p.ShopEmail is not null ? "email-variant" : "";
            _orders.Add(at, p, Join(notes, variant, registered ? "" : "guest", broken ? "quarantine" : ""), n =>
            ($"#{10001 + n}",
            [
                $"#{10001 + n}",
                broken ? at.ToString("31/09/yyyy HH:mm", CultureInfo.InvariantCulture) : at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                registered ? p.CustomerId : null, email, phone, billing, p.Street, p.City.Name, p.PostalCode,
                random.Next(2) == 0 ? p.Country.Code : p.Country.Spellings[0], total, currency,
                items.ToString(CultureInfo.InvariantCulture), lines, random.Next(6) == 0 ? Pick(["OTONO10", "BIENVENIDA", "TRAIL15", "VERANO5"]) : null,
            ]));
        }
    }

    private void Store(Person p)
    {
        var shopper = p.StoreOnly || random.NextDouble() < 0.3;
        var member = p.StoreOnly || (shopper ? random.NextDouble() < 0.55 : random.NextDouble() < 0.03);
        string? card = null;
        if (member)
        {
            card = $"LC-{100001 + _cards.Count}";
            _cards[p.Id] = card;
            Loyalty(p, card);
        }

        if (!shopper)
        {
            return;
        }

        var count = p.StoreOnly ? 2 + random.Next(7) : 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var store = random.Next(10) == 0 ? Countries.Spain.Cities[random.Next(7)].Store! : p.City.Store!;
            var ticket = _tickets[store] = _tickets.GetValueOrDefault(store) + 1 + random.Next(40);
            var number = ticket.ToString("D6", CultureInfo.InvariantCulture);
            var at = Moment().Date.AddHours(10 + random.Next(11)).AddMinutes(random.Next(60));
            var anonymous = random.NextDouble() < QuarantineShare;
            var byCard = !anonymous && card is not null && random.NextDouble() < 0.85;
            var phone = anonymous || byCard ? null : Spelling.Phone(p.Country, p.Mobile, "ES", random);
            var amount = 5 + (random.Next(8) == 0 ? random.Next(1200) : random.Next(150)) + random.Next(100) / 100m;
            var items = 1 + random.Next(5);
            _pos.Add(at, p, anonymous ? "quarantine" : byCard ? "" : "phone-only", _ => ($"{store}:{number}",
            [
                store, number, at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), byCard ? card : null, phone,
                !anonymous && p.Email is not null && random.Next(50) == 0 ? p.Email : null,
                amount.ToString(amount >= 1000 ? "#,##0.00" : "0.00", Spanish), Pick(["card", "card", "cash", "bizum"]),
                items.ToString(CultureInfo.InvariantCulture), Pick(Products),
            ]));
        }
    }

    private void Loyalty(Person p, string card)
    {
        var (name, notes) = FullName(p, paper: true);
        var mobile = p.Landline is { } home && random.NextDouble() < 0.35 ? home : p.Mobile;
        var broken = random.NextDouble() < QuarantineShare;
        var signup = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(2500));
        var points = random.Next(3000);
        _loyalty.Add(signup, p, Join(notes, mobile == p.Landline ? "landline" : "", broken ? "quarantine" : ""), n =>
        (broken ? $"{_loyalty.FileName}#{n + 2}" : card,
        [
            broken ? "" : card, name,
            random.NextDouble() < 0.9 ? p.Born.ToString(Pick(["dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd"]), CultureInfo.InvariantCulture) : null,
            p.Country == Countries.Spain ? mobile : Spelling.Phone(p.Country, mobile, "ES", random),
            !p.StoreOnly && random.NextDouble() < 0.35 ? p.Email : null,
            Abbreviated(p.Street), Spelling.PaperCapitals(p.City.Name), p.PostalCode,
            points > 2000 ? "gold" : points > 600 ? "silver" : "basic", points.ToString(CultureInfo.InvariantCulture), p.City.Store ?? "MAD-01",
            Pick(["S", "N"]), Pick(["S", "N", "N"]), signup.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ]));
    }

    private void Newsletter(Person p)
    {
        var email = p.Email!.ToLowerInvariant();
        foreach (var (id, name, sent) in Campaigns)
        {
            if (random.NextDouble() > 0.55)
            {
                continue;
            }

            var delivered = sent.AddSeconds(random.Next(1800));
            Activity(p, email, id, name, "delivered", delivered, null);
            if (random.NextDouble() < 0.45)
            {
                var opened = delivered.AddMinutes(5 + random.Next(3000));
                Activity(p, email, id, name, random.NextDouble() < QuarantineShare ? "complained" : "open", opened, null);
                if (random.NextDouble() < 0.35)
                {
                    Activity(p, email, id, name, "click", opened.AddSeconds(20 + random.Next(300)), $"https://www.sierra-outdoor.es/{Spelling.Plain(name)}");
                }

                if (random.NextDouble() < 0.01)
                {
                    Activity(p, email, id, name, "unsubscribe", opened.AddMinutes(2), null);
                }
            }
        }
    }

    private void Activity(Person p, string email, string campaign, string name, string activity, DateTime at, string? url)
    {
        var timestamp = at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        _email.Add(at, p, activity == "complained" ? "quarantine" : "", _ => ($"{email}:{campaign}:{activity}:{timestamp}", [email, campaign, name, activity, timestamp, url]));
    }

    private void Conversations(Person p, bool inCrm, bool buyer)
    {
        if (random.NextDouble() < 0.1)
        {
            for (var i = 1 + random.Next(2); i > 0; i--)
            {
                var at = Moment();
                var anonymous = random.NextDouble() < QuarantineShare;
                var byEmail = random.NextDouble() < 0.75;
                var requester = random.Next(10) < 7 ? $"{p.Given.Split(' ')[0]} {p.Surname}" : p.FullName;
                _support.Add(at, p, Join(anonymous ? "quarantine" : "", byEmail ? "" : "phone-only"), n => ($"T-{20001 + n}",
                [
                    $"T-{20001 + n}", at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), anonymous ? "Anónimo" : requester,
                    !anonymous && byEmail ? p.ShopEmail ?? p.Email : null,
                    !anonymous && !byEmail ? Spelling.Phone(p.Country, p.Mobile, "ES", random) : null,
                    Pick(["¿Dónde está mi pedido?", "Cambio de talla", "Devolución", "Factura", "Refund for my order", "Horario de tienda"]),
                    Pick(["solved", "solved", "open", "pending"]), Pick(["low", "normal", "high"]), byEmail ? Pick(["email", "chat"]) : "phone",
                    Pick(["good", "bad", null, null]),
                ]));
            }
        }

        if (inCrm && random.NextDouble() < 0.12)
        {
            var at = Moment();
            var anonymous = random.NextDouble() < QuarantineShare;
            var score = random.Next(11);
            _survey.Add(at, p, anonymous ? "quarantine" : "", n => ($"R-{5001 + n}",
            [
                $"R-{5001 + n}", at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), anonymous ? null : p.Email,
                Pick(["NPS Q1", "NPS Q2", "NPS Q3", "NPS Q4"]), score.ToString(CultureInfo.InvariantCulture),
                score >= 9 ? Pick(["Muy buena atención", "Entrega rápida", "Great gear", null]) : score <= 5 ? Pick(["Tardaron mucho", "Refund took too long", null]) : null,
            ]));
        }

        if (buyer && random.NextDouble() < 0.15)
        {
            var at = Moment();
            var anonymous = random.NextDouble() < QuarantineShare;
            var rating = 1 + random.Next(5);
            var reviewer = random.Next(10) < 4 ? $"{p.Given.Split(' ')[0]} {p.Surname[0]}." : $"{p.Given.Split(' ')[0]} {p.Surname}";
            _reviews.Add(at, p, anonymous ? "quarantine" : "", n => ($"RV-{7001 + n}",
            [
                $"RV-{7001 + n}", at.ToString(random.Next(2) == 0 ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture), reviewer,
                anonymous ? null : p.ShopEmail ?? p.Email, Pick(Products), rating.ToString(CultureInfo.InvariantCulture),
                rating >= 4 ? Pick(["Geniales", "Muy contento", "Great"]) : Pick(["Regular", "Mala calidad", "Not great"]),
                rating >= 4 ? "Cómodas desde el primer día" : "Esperaba más por el precio",
            ]));
        }

        if (random.NextDouble() < 0.06)
        {
            var at = Moment();
            var anonymous = random.NextDouble() < 0.02;
            var (network, prefix) = Pick([("instagram", "ig"), ("x", "x"), ("facebook", "fb"), ("tiktok", "tt")]);
            var handle = $"@{Spelling.Plain(p.Given.Split(' ')[0])}_{Spelling.Plain(p.Surname)}{random.Next(100)}";
            var withEmail = random.NextDouble() < 0.15;
            _social.Add(at, p, Join(anonymous ? "quarantine" : "", withEmail ? "" : "handle-only"), n => ($"{network}:{prefix}-{40001 + n}",
            [
                network, $"{prefix}-{40001 + n}", at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                anonymous ? null : handle, !anonymous && withEmail ? p.Email : null, anonymous ? null : $"{p.Given.Split(' ')[0]} {p.Surname}",
                Pick(["¡Me encantan mis zapatillas nuevas!", "Still waiting for my refund", "¿Tenéis tallas grandes?", "Love this jacket"]),
                Pick(["positive", "negative", "neutral"]), $"https://{network}.com/p/{random.Next(100000)}",
            ]));
        }
    }

    /// <summary>Given name and surnames as one source keeps them, with the traps applied and named.</summary>
    private (string Given, string Surnames, string Notes) Name(Person p, double nickname, double typo, bool paper)
    {
        var notes = new List<string>();
        var given = p.Given;
        if (Spelling.HasNickname(given) && random.NextDouble() < nickname)
        {
            given = Spelling.Nickname(given, random);
            notes.Add("nickname");
        }
        else if (random.NextDouble() < typo)
        {
            given = Spelling.Typo(given, random);
            notes.Add("typo");
        }

        var surnames = p.Surnames;
        if (p.SecondSurname is { } second)
        {
            var roll = random.NextDouble();
            if (roll < 0.1)
            {
                surnames = p.Surname;
                notes.Add("missing-surname");
            }
            else if (roll < 0.14)
            {
                surnames = $"{second} {p.Surname}";
                notes.Add("swapped-surnames");
            }
        }

        if (paper || random.Next(25) == 0)
        {
            given = Spelling.PaperCapitals(given);
            surnames = Spelling.PaperCapitals(surnames);
            notes.Add("capitals");
        }

        return (given, surnames, string.Join(';', notes));
    }

    private (string Name, string Notes) FullName(Person p, bool paper)
    {
        var (given, surnames, notes) = Name(p, nickname: paper ? 0.12 : 0.07, typo: 0.05, paper: paper && random.NextDouble() < 0.6);
        return random.NextDouble() < (paper ? 0.15 : 0.08)
            ? ($"{(paper ? surnames.ToUpperInvariant() : surnames)}, {(paper ? given.ToUpperInvariant() : given)}", Join(notes, "surname-first"))
            : ($"{given} {surnames}", notes);
    }

    private (string Total, string Currency) Total(Country country)
    {
        var (low, high) = country.Currency switch
        {
            "MXN" => (300, 6000),
            "ARS" => (20_000, 300_000),
            "COP" => (80_000, 1_200_000),
            "CLP" => (15_000, 250_000),
            _ => (15, 300),
        };
        var amount = low + random.Next(high - low) + random.Next(100) / 100m;
        if (country.Currency == "USD")
        {
            return ("$" + amount.ToString("0.00", CultureInfo.InvariantCulture), "USD");
        }

        // Shop exports mix both decimal marks; thousands always come with dots and a decimal comma.
        return (amount >= 1000 || random.Next(3) > 0 ? amount.ToString("#,##0.00", Spanish) : amount.ToString("0.00", CultureInfo.InvariantCulture), country.Currency);
    }

    // Built by hand: the app runs with invariant globalization, which has no es-ES culture.
    private static readonly NumberFormatInfo Spanish = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private string PostalAsTyped(Person p) =>
        p.Country == Countries.Spain && p.PostalCode[0] == '0' && random.Next(3) == 0 ? p.PostalCode[1..] : p.PostalCode;

    private string Abbreviated(string street) => random.Next(3) switch
    {
        0 => street,
        _ => street.Replace("Calle de la ", "C/ ", StringComparison.Ordinal).Replace("Calle del ", "C/ ", StringComparison.Ordinal)
            .Replace("Calle de ", "C/ ", StringComparison.Ordinal).Replace("Calle ", "C/ ", StringComparison.Ordinal)
            .Replace("Avenida de la ", "Avda. ", StringComparison.Ordinal).Replace("Avenida de ", "Avda. ", StringComparison.Ordinal)
            .Replace("Avenida ", "Av. ", StringComparison.Ordinal).Replace("Carrer de ", "C. ", StringComparison.Ordinal),
    };

    private static string Shouty(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return char.ToUpperInvariant(email[0]) + email[1..(at + 1)] + char.ToUpperInvariant(email[at + 1]) + email[(at + 2)..] + " ";
    }

    private DateTime Moment() => Start.AddDays(random.Next(Days)).AddHours(8 + random.Next(15)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Join(params string[] notes) => string.Join(';', notes.Where(n => n.Length > 0));
}
