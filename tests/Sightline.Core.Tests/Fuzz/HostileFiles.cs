using System.Globalization;
using System.Text;
using Sightline.Core.Import;

namespace Sightline.Core.Tests.Fuzz;

/// <summary>One generated import: the mapping (a preset's name or YAML text), the file's name and its bytes.</summary>
public sealed record HostileFile(string Mapping, string FileName, byte[] Content, string Mutations);

/// <summary>
/// Export files as CRMs, shops and spreadsheets write them, then broken: ragged rows, unbalanced quotes, BOMs, NULs,
/// enormous fields, invalid UTF-8, bad dates, phones and amounts in every field type, JSON lines that are not objects,
/// and mappings with odd columns and types. The same seed gives the same files.
/// </summary>
public sealed class HostileFiles(int seed)
{
    private static readonly string[] Presets = [.. MappingLoader.Presets];

    private static readonly Dictionary<string, IReadOnlyList<string>> PresetColumns = Presets.ToDictionary(
        p => p, p => new RowMapper(MappingLoader.Load(MappingLoader.PresetPrefix + p).Mapping!, "x").Columns);

    private static readonly string[] Values =
    [
        "", " ", "ana@example.com", "ANA@EXAMPLE.COM ", "not-an-email", "@", "a@b", "+34 600 12 34 56", "600123456", "+1 (212) 555-0123",
        "+999999999999999999", "0000", "José María García López", "GARCÍA, JOSÉ", "Ⅻ", "😀", "\u202Eevil", "e\u0301", "2024-06-01",
        "2024-02-30", "31/12/2024", "12/31/2024", "0001-01-01", "9999-12-31 23:59:59", "0000-00-00", "2024-06-01T12:00:00+14:00",
        "yesterday", "1700000000", "-1", "0", "1e400", "NaN", "Infinity", "-0", "12,50", "1.234,56", "€12.50", "$-0.00", "(12.00)",
        "12.5.3", "99999999999999999999999999999", "79228162514264337593543950336", "ES", "España", "XX", "EUR", "BTC", "28013",
        "SW1A 1AA", "true", "false", "sí", "maybe", "null", "NULL", "{\"a\":1}", "[1,2]", "=cmd|' /C calc'!A0", "\0", "a\0b",
        "\"quoted\"", "line\nbreak", "tab\there", "semi;colon", "pipe|bar",
    ];

    private static readonly string[] Columns =
    [
        "Email", "Phone", "Name", "Customer ID", "Order ID", "Total", "Created At", "Birthday", "Country", "Zip", "Opt In", "",
        " ", "a.b", "Email", "😀", "用户", "\"quoted\"", "x,y", "id;2", "__proto__", "\uFEFFEmail",
    ];

    private readonly Random _random = new(seed);
    private readonly List<string> _done = [];

    public HostileFile Next()
    {
        _done.Clear();
        string mapping;
        IReadOnlyList<string> columns;
        if (Chance(0.6))
        {
            var preset = Pick(Presets);
            mapping = MappingLoader.PresetPrefix + preset;
            columns = PresetColumns[preset];
        }
        else
        {
            (mapping, columns) = Mapping();
        }

        var jsonLines = Chance(0.25);
        var fileName = jsonLines ? Pick(["upload.jsonl", "upload.ndjson", "upload.json"]) : Pick(["upload.csv", "upload.txt", "upload"]);
        var content = jsonLines ? JsonLines(columns) : Csv(columns);
        return new HostileFile(mapping, fileName, content, string.Join(' ', _done));
    }

    /// <summary>A mapping of generated columns, types and defaults; many do not load, which is also checked.</summary>
    private (string Yaml, IReadOnlyList<string> Columns) Mapping()
    {
        _done.Add("mapping");
        var columns = Enumerable.Range(0, _random.Next(1, 8)).Select(_ => Pick(Columns)).ToList();
        var track = Chance(0.4);
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"type: {(track ? "track" : Pick(["identify", "identify", "Identify", "screen"]))}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"record_id: {Yaml(Pick(columns))}");
        if (track)
        {
            yaml.AppendLine(Chance(0.5) ? "event: { value: Order Completed }" : $"event: {Yaml(Pick(columns))}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"timestamp: {{ column: {Yaml(Pick(columns))}, type: datetime{(Chance(0.3) ? ", formats: [\"dd/MM/yyyy\", \"%\", \"'\"]" : "")} }}");
        }

        yaml.AppendLine("defaults:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  time_zone: {Pick(["Europe/Madrid", "Pacific/Kiritimati", "Etc/GMT+12", "UTC", "Mars/Olympus"])}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  phone_region: {Pick(["ES", "US", "MX", "ZZ"])}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  currency: {Pick(["EUR", "USD", "XXX"])}");
        if (Chance(0.3))
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  decimal_separator: \"{Pick([",", ".", ";"])}\"");
        }

        yaml.AppendLine("identifiers:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  {Pick(["email", "phone", "user_id", "crm_id", "anonymous_id", "loyalty card"])}: {Yaml(Pick(columns))}");
        yaml.AppendLine(track ? "properties:" : "traits:");
        foreach (var column in columns)
        {
            var type = Chance(0.7) ? $", type: {Pick(FieldTypes.All)}" : "";
            var required = Chance(0.2) ? ", required: true" : "";
            var values = Chance(0.1) ? ", values: { a: b, yes: 'true' }, strict: true" : "";
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {Pick(["email", "phone", "name", "birthday", "address.country", "address.postalCode", "total", "quantity", "first_name", "a..b", "x.y.z", "score"])}: {{ column: {Yaml(column)}{type}{required}{values} }}");
        }

        if (Chance(0.3))
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"consent:\n  email_marketing: {Yaml(Pick(columns))}");
        }

        return (yaml.ToString(), columns);
    }

    private byte[] Csv(IReadOnlyList<string> columns)
    {
        var delimiter = Chance(0.8) ? ',' : Pick([';', '\t', '|']);
        var header = columns.Where(_ => !Chance(0.05)).Concat(Chance(0.2) ? ["Extra", "extra"] : []).OrderBy(_ => _random.Next()).ToList();
        var text = new StringBuilder();
        text.Append(string.Join(delimiter, header.Select(c => Field(c, delimiter)))).Append(Newline());
        for (var row = _random.Next(0, 12); row > 0; row--)
        {
            var fields = header.Select(_ => Value()).ToList();
            switch (_random.Next(12))
            {
                case 0 when fields.Count > 0: _done.Add("csv.short"); fields.RemoveAt(fields.Count - 1); break;
                case 1: _done.Add("csv.long"); fields.Add("surplus"); break;
                case 2: _done.Add("csv.open-quote"); text.Append('"'); break;
                case 3: _done.Add("csv.empty-line"); text.Append(Newline()); break;
            }

            text.Append(string.Join(delimiter, fields.Select(f => Field(f, delimiter)))).Append(Newline());
        }

        return Bytes(text.ToString());
    }

    private byte[] JsonLines(IReadOnlyList<string> columns)
    {
        var text = new StringBuilder();
        for (var row = _random.Next(0, 12); row > 0; row--)
        {
            switch (_random.Next(10))
            {
                case 0: _done.Add("jsonl.broken"); text.Append(Pick(["{", "[1,2]", "\"x\"", "null", "{\"a\":}", new string('[', 100) + new string(']', 100), "\0"])); break;
                case 1: _done.Add("jsonl.surrogate"); text.Append($"{{\"{Pick(columns)}\":\"\\ud800\",\"Email\":\"x\\udc00@y.z\"}}"); break;
                case 2: _done.Add("jsonl.nested"); text.Append($"{{\"a\":{{\"b\":\"{Escape(Value())}\"}},\"{Escape(Pick(columns))}\":{{\"deep\":[1,{{\"x\":null}}]}}}}"); break;
                default:
                    text.Append('{').AppendJoin(',', columns.Select(c => $"\"{Escape(c)}\":{(Chance(0.2) ? Pick(["1", "1e400", "true", "null", "[]", "{}", "-0"]) : $"\"{Escape(Value())}\"")}")).Append('}');
                    break;
            }

            text.Append(Newline());
        }

        return Bytes(text.ToString());
    }

    private string Value()
    {
        if (Chance(0.01))
        {
            _done.Add("enormous");
            return new string(Pick(['x', 'é', ',', '"', '@', ' ']), _random.Next(10_000, 150_000));
        }

        return Chance(0.5) ? Pick(Values) : Pick(Values) + Pick(Values);
    }

    /// <summary>Quotes a CSV field the way spreadsheets do, except when it was chosen to break the file.</summary>
    private string Field(string value, char delimiter) =>
        value.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 && !Chance(0.1)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private byte[] Bytes(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        switch (_random.Next(12))
        {
            case 0: _done.Add("bom"); return [0xEF, 0xBB, 0xBF, .. bytes];
            case 1: _done.Add("utf16"); return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
            case 2:
                _done.Add("invalid-utf8");
                var at = _random.Next(bytes.Length + 1);
                return [.. bytes.AsSpan(0, at), 0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x80, .. bytes.AsSpan(at)];
            case 3: _done.Add("truncated"); return bytes[.._random.Next(bytes.Length + 1)];
            case 4: _done.Add("empty"); return Chance(0.5) ? [] : [0xEF, 0xBB, 0xBF];
            default: return bytes;
        }
    }

    private string Newline() => Chance(0.9) ? "\n" : Pick(["\r\n", "\r"]);

    private static string Yaml(string column) => "\"" + column.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Escape(string text) => System.Text.Json.JsonEncodedText.Encode(text).ToString();

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
