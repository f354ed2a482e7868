using System.Globalization;
using System.Text;

namespace Sightline.ImportSpeed;

/// <summary>
/// Writes large exports in the crm-contacts and ecommerce-orders preset formats: varied names, accents, phones and
/// dates in the presets' formats, quoted fields with commas. Deterministic for a seed.
/// </summary>
internal static class ExportFiles
{
    private static readonly string[] Given = ["Ana", "José María", "Lucía", "Francisco", "María del Carmen", "Javier", "Sofía", "Pedro", "Isabel", "Juan Carlos", "Marta", "Diego", "Elena", "Pablo", "Carmen", "Luis", "Laura", "Andrés", "Paula", "Miguel"];
    private static readonly string[] Surnames = ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez"];
    private static readonly string[] Cities = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia", "Palma", "Bilbao", "Alicante"];
    private static readonly string[] Domains = ["gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "icloud.com"];

    public static void WriteCrm(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.WriteLine("Contact ID,First Name,Last Name,Email,Phone Number,Date of Birth,Street Address,City,Postal Code,Country,Company Name,Lifecycle Stage,Email Opt-In,Last Modified Date");
        for (var i = 1; i <= rows; i++)
        {
            var given = Given[random.Next(Given.Length)];
            var surname = $"{Surnames[random.Next(Surnames.Length)]} {Surnames[random.Next(Surnames.Length)]}";
            var city = random.Next(Cities.Length);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"C-{i},{given},{surname},{Local(given, surname)}{i}@{Domains[random.Next(Domains.Length)]},{Phone(random)},{random.Next(1, 29):00}/{random.Next(1, 13):00}/{random.Next(1940, 2006)},\"Calle {Surnames[random.Next(Surnames.Length)]} {random.Next(1, 200)}, {random.Next(1, 8)}º\",{Cities[city]},{(city + 1) * 1000 + random.Next(1000):00000},España,,customer,{(random.Next(2) == 0 ? "yes" : "no")},{random.Next(1, 29):00}/{random.Next(1, 13):00}/2026 {random.Next(24):00}:{random.Next(60):00}"));
        }
    }

    public static void WriteOrders(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.WriteLine("Order ID,Created At,Customer ID,Email,Phone,Billing Name,Shipping Street,Shipping City,Shipping Zip,Shipping Country,Total,Currency,Items,Lineitem Names,Discount Code");
        for (var i = 1; i <= rows; i++)
        {
            var given = Given[random.Next(Given.Length)];
            var surname = $"{Surnames[random.Next(Surnames.Length)]} {Surnames[random.Next(Surnames.Length)]}";
            var city = random.Next(Cities.Length);
            var customer = random.Next(1, rows / 3 + 2);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"#{i},2026-{random.Next(1, 11):00}-{random.Next(1, 29):00} {random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00},U-{customer},{Local(given, surname)}{customer}@{Domains[customer % Domains.Length]},,{given} {surname},\"Calle {Surnames[random.Next(Surnames.Length)]} {random.Next(1, 200)}\",{Cities[city]},{(city + 1) * 1000 + random.Next(1000):00000},ES,\"{random.Next(5, 500)},{random.Next(100):00}\",EUR,{random.Next(1, 6)},Zapatillas trail; Calcetines,"));
        }
    }

    private static string Local(string given, string surname) =>
        new string([.. $"{given}.{surname}".ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or '.')]);

    private static string Phone(Random random) => random.Next(3) switch
    {
        0 => $"6{random.Next(10_000_000, 99_999_999)}",
        1 => $"+34 6{random.Next(10, 99)} {random.Next(100, 999)} {random.Next(100, 999)}",
        _ => $"(+34) 7{random.Next(10, 99)}-{random.Next(100, 999)}-{random.Next(100, 999)}",
    };
}
