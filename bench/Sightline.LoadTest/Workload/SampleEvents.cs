using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sightline.LoadTest.Workload;

/// <summary>
/// Realistic Segment messages, as a web shop's browser and server SDKs send them: 55% track
/// (commerce events with product, price, currency), 30% page (with context.page), 15% identify
/// (traits email, name, phone). Every message carries a full context (library, userAgent, ip,
/// locale) and is 400-700 bytes of JSON. Deterministic for a given seed. The bodies are replayed with fresh message
/// ids, so their anonymous ids repeat; <paramref name="newVisitorPercent"/> of the messages instead carry a fresh
/// anonymousId every time they are sent (a first visit), so profiles and identifiers grow as on a live site.
/// </summary>
/// <param name="seed">The random sequence.</param>
/// <param name="newVisitorPercent">Share of messages from a new visitor, 0-100.</param>
internal sealed class SampleEvents(int seed, int newVisitorPercent = 0)
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
    ];

    private static readonly string[] Locales = ["en-GB", "en-US", "de-DE", "fr-FR", "nl-NL", "es-ES"];
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];
    private static readonly string[] TrackEvents = ["Product Viewed", "Product Added", "Checkout Started", "Order Completed", "Coupon Applied"];
    private static readonly string[] Products = ["Trail Running Shoe", "Merino Base Layer", "Insulated Bottle 750 ml", "Ultralight Tent 2P", "Headlamp 400 lm", "Rain Shell Jacket"];
    private static readonly string[] Categories = ["Footwear", "Clothing", "Camping", "Accessories"];
    private static readonly string[] Pages = ["/", "/collections/footwear", "/products/trail-running-shoe", "/cart", "/checkout/shipping", "/account/orders"];
    private static readonly string[] FirstNames = ["Amélie", "Jonas", "Priya", "Mateo", "Sofia", "Liam", "Chloé", "Noah"];
    private static readonly string[] LastNames = ["Martin", "Schmidt", "Okafor", "García", "Jansen", "Rossi", "Dubois", "Nowak"];

    private readonly Random _random = new(seed);

    /// <summary>Renders one message, with <see cref="MessageIds.Placeholder"/> as its messageId.</summary>
    public byte[] Next(DateTimeOffset around)
    {
        using var stream = new MemoryStream(768);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            var roll = _random.Next(100);
            var userId = roll < 15 || _random.Next(2) == 0 ? "user-" + _random.Next(1_000_000).ToString("D7", CultureInfo.InvariantCulture) : null;
            var page = Pages[_random.Next(Pages.Length)];
            writer.WriteStartObject();
            writer.WriteString("type", roll < 55 ? "track" : roll < 85 ? "page" : "identify");
            writer.WriteString("messageId", MessageIds.Placeholder);
            // Drawn only when asked for, so that the default workload stays the same random sequence.
            var newVisitor = newVisitorPercent > 0 && _random.Next(100) < newVisitorPercent;
            writer.WriteString("anonymousId", newVisitor ? MessageIds.Placeholder : RandomGuid());
            if (roll >= 85 || userId is not null)
            {
                writer.WriteString("userId", userId ?? "user-" + _random.Next(1_000_000).ToString("D7", CultureInfo.InvariantCulture));
            }

            if (roll < 55)
            {
                WriteTrack(writer);
            }
            else if (roll < 85)
            {
                WritePage(writer, page);
            }
            else
            {
                WriteIdentify(writer);
            }

            WriteContext(writer, page, withPage: roll is >= 55 and < 85);
            writer.WriteString("timestamp", Format(around.AddMilliseconds(-_random.Next(60_000))));
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private void WriteTrack(Utf8JsonWriter writer)
    {
        writer.WriteString("event", TrackEvents[_random.Next(TrackEvents.Length)]);
        writer.WriteStartObject("properties");
        writer.WriteString("product_id", "sku-" + _random.Next(100_000).ToString("D5", CultureInfo.InvariantCulture));
        writer.WriteString("name", Products[_random.Next(Products.Length)]);
        writer.WriteString("category", Categories[_random.Next(Categories.Length)]);
        writer.WriteNumber("price", Math.Round(5 + (_random.NextDouble() * 295), 2));
        writer.WriteString("currency", Currencies[_random.Next(Currencies.Length)]);
        writer.WriteNumber("quantity", 1 + _random.Next(3));
        writer.WriteEndObject();
    }

    private static void WritePage(Utf8JsonWriter writer, string path)
    {
        writer.WriteString("name", "Shop");
        writer.WriteStartObject("properties");
        writer.WriteString("path", path);
        writer.WriteEndObject();
    }

    private void WriteIdentify(Utf8JsonWriter writer)
    {
        var first = FirstNames[_random.Next(FirstNames.Length)];
        var last = LastNames[_random.Next(LastNames.Length)];
        writer.WriteStartObject("traits");
        writer.WriteString("email", $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{_random.Next(1000)}@example.com");
        writer.WriteString("name", $"{first} {last}");
        writer.WriteString("phone", "+44 7700 9" + _random.Next(100_000).ToString("D5", CultureInfo.InvariantCulture));
        writer.WriteString("plan", _random.Next(4) == 0 ? "member" : "guest");
        writer.WriteString("createdAt", Format(DateTimeOffset.UnixEpoch.AddDays(19_000 + _random.Next(1_000))));
        writer.WriteEndObject();
    }

    private void WriteContext(Utf8JsonWriter writer, string path, bool withPage)
    {
        var browser = withPage || _random.Next(3) > 0;
        writer.WriteStartObject("context");
        writer.WriteStartObject("library");
        writer.WriteString("name", browser ? "analytics.js" : "@segment/analytics-node");
        writer.WriteString("version", browser ? "npm:next-1.76.0" : "2.2.1");
        writer.WriteEndObject();
        writer.WriteString("userAgent", UserAgents[_random.Next(UserAgents.Length)]);
        writer.WriteString("ip", $"203.0.{_random.Next(256)}.{_random.Next(256)}");
        writer.WriteString("locale", Locales[_random.Next(Locales.Length)]);
        if (withPage)
        {
            writer.WriteStartObject("page");
            writer.WriteString("path", path);
            writer.WriteString("referrer", "https://www.google.com/");
            writer.WriteString("title", Title(path));
            writer.WriteString("url", "https://shop.example.com" + path);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string Title(string path) => path == "/" ? "Example Outdoor Shop" : $"{path.Split('/')[^1]} | Example Shop";

    private string RandomGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
