using System.Globalization;
using System.Text.Json;

namespace Sightline.Cli.Demo;

/// <summary>
/// The website's and app's Segment messages: visitors browse anonymously, then sign in (identify with their userId,
/// e-mail and the anonymousId they browsed under), so their earlier anonymous events belong on their profile.
/// Written as JSON lines, one message each, for the live ingestion path.
/// </summary>
internal sealed class LiveEvents(Random random)
{
    public const string WebFile = "web-events.jsonl";
    public const string AppFile = "app-events.jsonl";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Pages = ["Home", "Category", "Product", "Search", "Stores"];

    private static readonly string[] Products = ["zapatillas-trail", "botas-montana", "chaqueta-impermeable", "forro-polar", "mochila-20l", "tienda-2p"];

    private readonly List<Message> _web = [];
    private readonly List<Message> _app = [];

    public void Visit(Person p, DateTime start)
    {
        var at = start;
        var browser = Anonymous();
        for (var i = 2 + random.Next(4); i > 0; i--)
        {
            at = at.AddMinutes(1 + random.Next(20));
            var product = Products[random.Next(Products.Length)];
            _web.Add(random.Next(2) == 0
                ? new Message("page", p, at, "anonymous-visitor", w => Anonymous(w, browser, "name", Pages[random.Next(Pages.Length)], "path", $"/p/{product}"))
                : new Message("track", p, at, "anonymous-visitor", w => Anonymous(w, browser, "event", "Product Viewed", "product_id", product)));
        }

        at = at.AddMinutes(2 + random.Next(10));
        var email = p.ShopEmail ?? p.Email;
        var withPhone = random.Next(3) == 0;
        _web.Add(new Message("identify", p, at, "identify", w =>
        {
            w.WriteString("userId", p.CustomerId);
            w.WriteString("anonymousId", browser);
            w.WriteStartObject("traits");
            if (email is not null)
            {
                w.WriteString("email", email);
            }

            w.WriteString("firstName", p.Given);
            w.WriteString("lastName", p.Surnames);
            if (withPhone)
            {
                w.WriteString("phone", Spelling.E164(p.Country, p.Mobile));
            }

            w.WriteEndObject();
        }));

        for (var i = 1 + random.Next(3); i > 0; i--)
        {
            at = at.AddMinutes(1 + random.Next(15));
            var product = Products[random.Next(Products.Length)];
            _web.Add(new Message("track", p, at, "", w =>
            {
                w.WriteString("userId", p.CustomerId);
                w.WriteString("anonymousId", browser);
                w.WriteString("event", random.Next(2) == 0 ? "Product Added" : "Checkout Started");
                w.WriteStartObject("properties");
                w.WriteString("product_id", product);
                w.WriteEndObject();
            }));
        }

        if (random.NextDouble() < 0.25)
        {
            var device = Anonymous();
            var opened = at.AddDays(1 + random.Next(60));
            _app.Add(new Message("track", p, opened, "anonymous-visitor", w => Anonymous(w, device, "event", "Application Opened", "from_background", "false")));
            _app.Add(new Message("identify", p, opened.AddMinutes(1), "identify", w =>
            {
                w.WriteString("userId", p.CustomerId);
                w.WriteString("anonymousId", device);
                if (email is not null)
                {
                    w.WriteStartObject("traits");
                    w.WriteString("email", email);
                    w.WriteEndObject();
                }
            }));
            _app.Add(new Message("track", p, opened.AddMinutes(3), "", w =>
            {
                w.WriteString("userId", p.CustomerId);
                w.WriteString("event", "Product Viewed");
                w.WriteStartObject("properties");
                w.WriteString("product_id", Products[random.Next(Products.Length)]);
                w.WriteEndObject();
            }));
        }
    }

    /// <summary>Writes both files, oldest message first, and their ground truth (record id = messageId); returns the messages written.</summary>
    public int Write(string directory, Truth truth) => Write(directory, WebFile, "web", _web, truth) + Write(directory, AppFile, "app", _app, truth);

    private static int Write(string directory, string file, string source, List<Message> messages, Truth truth)
    {
        using var stream = File.Create(Path.Combine(directory, file));
        var ordered = messages.Select((m, i) => (m, i)).OrderBy(m => m.m.At).ThenBy(m => m.i).Select(m => m.m).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var message = ordered[n];
            var id = $"{source}-{n + 1:D7}";
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("type", message.Type);
                writer.WriteString("messageId", id);
                message.Body(writer);
                writer.WriteString("timestamp", message.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            stream.Write("\n"u8);
            truth.Add(source, id, message.Person, message.Notes);
        }

        return ordered.Count;
    }

    private static void Anonymous(Utf8JsonWriter w, string anonymousId, string nameField, string name, string property, string value)
    {
        w.WriteString("anonymousId", anonymousId);
        w.WriteString(nameField, name);
        w.WriteStartObject("properties");
        w.WriteString(property, value);
        w.WriteEndObject();
    }

    private string Anonymous()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private sealed record Message(string Type, Person Person, DateTime At, string Notes, Action<Utf8JsonWriter> Body);
}
