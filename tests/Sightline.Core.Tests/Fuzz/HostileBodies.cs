using System.Globalization;
using System.Text;
using Sightline.Core.Events;

namespace Sightline.Core.Tests.Fuzz;

/// <summary>One generated ingestion request: the route, its body and content type, and what was done to it.</summary>
public sealed record HostileBody(string Path, MessageType? Type, byte[] Body, string? ContentType, bool Gzip, string Mutations);

/// <summary>
/// Ingestion bodies as Segment's and RudderStack's SDKs send them, then broken on purpose: wrong types, huge numbers,
/// NaN-like strings, deep nesting, long strings, invalid UTF-8, lone surrogate escapes, duplicate keys, nulls,
/// timestamps out of range, empty and truncated bodies, unicode in identifiers, wrong content types. The same seed
/// gives the same bodies, so a failure found by the benchmark replays in a test.
/// </summary>
public sealed class HostileBodies(int seed)
{
    private static readonly (string Path, MessageType? Type)[] Routes =
    [
        ("track", MessageType.Track), ("identify", MessageType.Identify), ("page", MessageType.Page), ("screen", MessageType.Screen),
        ("group", MessageType.Group), ("alias", MessageType.Alias), ("batch", null), ("batch", null), ("b", null), ("t", MessageType.Track),
    ];

    private static readonly string[] TypeNames = ["track", "identify", "page", "screen", "group", "alias"];

    private static readonly string[] Fields =
    [
        "type", "userId", "anonymousId", "messageId", "event", "name", "previousId", "groupId", "timestamp", "originalTimestamp",
        "sentAt", "receivedAt", "writeKey", "context", "integrations", "properties", "traits", "channel", "rudderId", "version",
    ];

    /// <summary>Raw JSON values that break something somewhere.</summary>
    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "1.5", "1e400", "-1e400", "1E-400", "123456789012345678901234567890",
        "9223372036854775808", "-9223372036854775809", "0.1e-999999", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"\"", "\" \"",
        "\"\\t\\n\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"x\\ud83d\"", "\"\\ud83d\\ude00\"",
        "\"\\\\ud800\"", "\"\\uDBFF\\uDBFF\"", "[]", "{}", "[null]", "{\"a\":null}", "\"😀用户\"", "\"\u202Eevil\"", "\"İıß\"",
        "\"<script>alert(1)</script>\"", "\"'; DROP TABLE events;--\"", "\"../../etc/passwd\"", "\"%s%n%x\"", "\"${jndi:ldap://x}\"",
        "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.9999999Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\"",
        "\"0001-01-01T00:00:00-14:00\"", "\"9999-12-31T23:59:59+14:00\"", "\"2024-02-30T00:00:00Z\"", "\"2024-13-01\"",
        "\"2024-06-01T12:00:00\"", "\"2024-06-01\"", "\"1700000000\"", "1700000000", "\"10000-01-01T00:00:00Z\"",
        "\"-0001-01-01T00:00:00Z\"", "\"2024-06-01T24:00:00Z\"", "\"2024-06-01T12:00:00+25:00\"", "\"2024-06-01T12:00:00.123456789012Z\"",
        "\"track\"", "\"identify\"", "\"TRACK\"", "\"alias\"", "\"u-1\"", "\"anon-1\"", "42",
    ];

    private static readonly string[] Keys = ["", " ", "__proto__", "constructor", "a.b", "$set", "😀", "用户", "\\ud800", "\\u0000", "k\\\"q", "userId", "type"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
        "multipart/form-data; boundary=x", "application/xml", "", "garbage/;;;=", "application/octet-stream",
    ];

    private readonly Random _random = new(seed);
    private readonly List<string> _done = [];

    public HostileBody Next()
    {
        _done.Clear();
        var (path, type) = Pick(Routes);
        var text = type is null ? Batch() : Message(type, inBatch: false);
        var body = Encoding.UTF8.GetBytes(text);
        if (Chance(0.3))
        {
            body = Mangle(body);
        }

        var contentType = Chance(0.7) ? "application/json" : Pick(ContentTypes);
        var gzip = Chance(0.05);
        if (gzip)
        {
            _done.Add("gzip");
        }

        return new HostileBody("/v1/" + path, type, body, contentType.Length == 0 ? null : contentType, gzip, string.Join(' ', _done));
    }

    private string Batch()
    {
        var envelope = new List<(string Key, string Value)>();
        var count = _random.Next(0, 6);
        var messages = Enumerable.Range(0, count).Select(_ => Message(null, inBatch: true));
        envelope.Add(("batch", "[" + string.Join(',', messages) + "]"));
        if (Chance(0.5))
        {
            envelope.Add(("context", Context()));
        }

        if (Chance(0.3))
        {
            envelope.Add(("integrations", "{\"All\":true}"));
        }

        if (Chance(0.5))
        {
            envelope.Add(("sentAt", Quote(Time())));
        }

        if (Chance(0.2))
        {
            envelope.Add(("writeKey", Chance(0.8) ? "\"fuzz-write-key\"" : Pick(Values)));
        }

        Mutate(envelope, "batch");
        return Object(envelope);
    }

    private string Message(MessageType? routeType, bool inBatch)
    {
        var type = routeType is { } t ? MessageTypes.Name(t) : Pick(TypeNames);
        var fields = new List<(string Key, string Value)>();
        if (inBatch)
        {
            fields.Add(("type", Quote(type)));
        }

        if (Chance(0.8))
        {
            fields.Add(("messageId", Quote(Id("m"))));
        }

        if (Chance(0.7))
        {
            fields.Add(("userId", Quote(Id("u"))));
        }

        if (Chance(0.6))
        {
            fields.Add(("anonymousId", Quote(Guid.NewGuid().ToString())));
        }

        switch (type)
        {
            case "track": fields.Add(("event", Quote(Pick(["Order Completed", "Product Viewed", "Signed Up", "Añadido al carrito"])))); break;
            case "page" or "screen": fields.Add(("name", Quote(Pick(["Home", "Checkout", "Pricing"])))); break;
            case "group": fields.Add(("groupId", Quote(Id("g")))); break;
            case "alias": fields.Add(("previousId", Quote(Id("p")))); break;
        }

        if (type == "identify" || Chance(0.2))
        {
            fields.Add(("traits", """{"email":"ana@example.com","name":"Ana Gómez","phone":"+34 600 12 34 56","plan":"pro"}"""));
        }

        if (type is "track" or "page" or "screen")
        {
            fields.Add(("properties", """{"order_id":"o-1","total":12.5,"currency":"EUR","products":[{"sku":"a","price":3}]}"""));
        }

        fields.Add(("context", Context()));
        if (Chance(0.5))
        {
            // RudderStack's SDK sends originalTimestamp and sentAt; Segment's a timestamp.
            fields.Add(("originalTimestamp", Quote(Time())));
            fields.Add(("sentAt", Quote(Time())));
        }
        else if (Chance(0.7))
        {
            fields.Add(("timestamp", Quote(Time())));
        }

        if (!inBatch && Chance(0.2))
        {
            fields.Add(("writeKey", "\"fuzz-write-key\""));
        }

        Mutate(fields, "message");
        return Object(fields);
    }

    private string Context() => Object(
    [
        ("library", """{"name":"analytics-node","version":"2.1.0"}"""),
        ("ip", "\"203.0.113.7\""),
        ("locale", "\"es-ES\""),
        ("userAgent", "\"Mozilla/5.0\""),
        .. Chance(0.3) ? new[] { ("consent", """{"categoryPreferences":{"analytics":true,"advertising":false}}""") } : [],
        .. Chance(0.2) ? new[] { ("externalIds", """[{"id":"c-1","type":"crm_id","collection":"users","encoding":"none"}]""") } : [],
    ]);

    private void Mutate(List<(string Key, string Value)> fields, string where)
    {
        var mutations = _random.Next(0, 4);
        for (var i = 0; i < mutations; i++)
        {
            switch (_random.Next(10))
            {
                case 0 or 1 or 2:
                    Replace(fields, Pick(Fields), Pick(Values), $"{where}.value");
                    break;
                case 3 when fields.Count > 0:
                    var removed = _random.Next(fields.Count);
                    _done.Add($"{where}.remove({fields[removed].Key})");
                    fields.RemoveAt(removed);
                    break;
                case 4:
                    var key = Pick(Fields);
                    _done.Add($"{where}.duplicate({key})");
                    fields.Add((key, Pick(Values)));
                    break;
                case 5:
                    Replace(fields, Pick(["properties", "traits", "context", "userId"]), Deep(_random.Next(20, 140)), $"{where}.deep");
                    break;
                case 6:
                    Replace(fields, Pick(["properties", "traits", "event", "userId", "messageId", "anonymousId"]), Long(), $"{where}.long");
                    break;
                case 7:
                    _done.Add($"{where}.nulls");
                    for (var f = 0; f < fields.Count; f++)
                    {
                        if (Chance(0.5))
                        {
                            fields[f] = (fields[f].Key, "null");
                        }
                    }

                    break;
                case 8:
                    _done.Add($"{where}.key");
                    fields.Add((Pick(Keys), Pick(Values)));
                    break;
                default:
                    Replace(fields, Pick(["userId", "anonymousId", "messageId", "previousId", "groupId", "event"]), Quote(Unicode()), $"{where}.unicode");
                    break;
            }
        }
    }

    private void Replace(List<(string Key, string Value)> fields, string key, string value, string what)
    {
        _done.Add($"{what}({key})");
        var at = fields.FindIndex(f => f.Key == key);
        if (at >= 0)
        {
            fields[at] = (key, value);
        }
        else
        {
            fields.Add((key, value));
        }
    }

    /// <summary>Byte-level damage to a whole body.</summary>
    private byte[] Mangle(byte[] body)
    {
        switch (_random.Next(10))
        {
            case 0:
                _done.Add("body.truncate");
                return body[.._random.Next(body.Length + 1)];
            case 1:
                _done.Add("body.empty");
                return Encoding.UTF8.GetBytes(Pick(["", " ", "\r\n\t ", "null", "[]", "\"x\"", "42", "{}", "\uFEFF"]));
            case 2:
                _done.Add("body.invalid-utf8");
                return Insert(body, Pick<byte[]>([[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]]));
            case 3:
                _done.Add("body.bom");
                return [0xEF, 0xBB, 0xBF, .. body];
            case 4:
                _done.Add("body.flip");
                var flipped = (byte[])body.Clone();
                if (flipped.Length > 0)
                {
                    flipped[_random.Next(flipped.Length)] = (byte)_random.Next(256);
                }

                return flipped;
            case 5:
                _done.Add("body.trailing");
                return [.. body, .. Encoding.UTF8.GetBytes(Pick(["}", "]", ",", " {}", "\u0000", "garbage"]))];
            case 6:
                _done.Add("body.array");
                return [(byte)'[', .. body, (byte)']'];
            case 7:
                _done.Add("body.nul");
                return Insert(body, [0]);
            case 8:
                _done.Add("body.deep");
                var depth = _random.Next(60, 3000);
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            default:
                _done.Add("body.huge");
                return Encoding.UTF8.GetBytes("{\"batch\":[],\"pad\":\"" + new string('x', _random.Next(400_000, 700_000)) + "\"}");
        }
    }

    private byte[] Insert(byte[] body, byte[] bytes)
    {
        var at = _random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. bytes, .. body.AsSpan(at)];
    }

    private string Deep(int depth) => Chance(0.5)
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + new string(']', depth);

    private string Long() => Chance(0.5)
        ? Quote(string.Concat(Enumerable.Repeat(Pick(["x", "é", "😀", " ", "\\"]), _random.Next(1_000, 20_000))))
        : "{" + string.Join(',', Enumerable.Range(0, _random.Next(100, 3_000)).Select(i => $"\"k{i}\":{i}")) + "}";

    private string Unicode() => Pick(["用户-42", "ユーザー", "مستخدم", "😀😀", "\u0301", "\u200B", "\uFEFF", "e\u0301", "Ⅻ", "𝔘𝔰𝔢𝔯", "\u202E1", "ǅ", "a\u0000b"])
        + (Chance(0.5) ? _random.Next(1000).ToString(CultureInfo.InvariantCulture) : "");

    private string Time()
    {
        if (Chance(0.15))
        {
            return Pick(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "2024-06-01T12:00:00", "2024-06-01T12:00:00+14:00"]);
        }

        var at = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero).AddSeconds(_random.Next(-10_000_000, 10_000_000));
        return at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private string Id(string prefix) => prefix + "-" + _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\0", "\\u0000", StringComparison.Ordinal) + "\"";

    private static string Object(IEnumerable<(string Key, string Value)> fields) =>
        "{" + string.Join(',', fields.Select(f => "\"" + f.Key + "\":" + f.Value)) + "}";

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
