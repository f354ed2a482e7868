using System.Text;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace Sightline.Core.Import;

/// <summary>
/// Reads an export one row at a time in constant memory, handing out only the columns a mapping uses
/// (bound once per file, so each row is looked up by position, not by name).
/// </summary>
public abstract class RowReader : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Line of the current row in the file (1 is the first line, the header of a CSV).</summary>
    public long Line { get; protected set; }

    /// <summary>Why the current row could not be read (a broken CSV line, invalid JSON), or null.</summary>
    public string? Broken { get; protected set; }

    /// <summary>The column names of a CSV header; empty for JSON lines, whose rows name their own.</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Binds the columns a mapping reads, in order; returns those the file lacks (only a CSV, with its
    /// header, can say so up front).
    /// </summary>
    public abstract IReadOnlyList<string> Bind(IReadOnlyList<string> columns);

    /// <summary>Advances to the next row; false at the end of the file.</summary>
    public abstract bool Read();

    /// <summary>The current row's value of the <paramref name="bound"/>-th bound column; null when empty or absent.</summary>
    public abstract string? Value(int bound);

    /// <summary>The whole current row as a JSON object (column → text), kept in quarantine so it can be mapped again.</summary>
    public abstract byte[] RowJson();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    /// <summary>Opens a CSV or JSON-lines file; the encoding comes from its BOM, UTF-8 otherwise.</summary>
    public static RowReader Open(Stream stream, string format, char? delimiter) => format switch
    {
        "jsonl" => new JsonLinesReader(Lines(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))),
        _ => new CsvReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), delimiter),
    };

    /// <summary>Rows kept in quarantine (each a JSON object of column → text, at its original line), to map again.</summary>
    public static RowReader FromQuarantine(IEnumerable<(long Line, string Json)> rows) => new JsonLinesReader(rows);

    private static IEnumerable<(long Line, string Text)> Lines(TextReader text)
    {
        using (text)
        {
            var line = 0L;
            while (text.ReadLine() is { } next)
            {
                yield return (++line, next);
            }
        }
    }

    /// <summary>The format a file name implies: <c>jsonl</c> for .jsonl/.ndjson/.json, <c>csv</c> otherwise.</summary>
    public static string FormatOf(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json" ? "jsonl" : "csv";

    protected static byte[] ObjectJson(IEnumerable<KeyValuePair<string, string?>> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private sealed class CsvReader : RowReader
    {
        private readonly CsvDataReader _csv;
        private readonly string[] _header;
        private int[] _ordinals = [];
        private long _dataLine = 1;

        public CsvReader(TextReader text, char? delimiter)
        {
            // No comment character: a row starting with '#' is data, not something to skip without a word.
            try
            {
                _csv = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = delimiter, Comment = '\0', MaxBufferSize = 1 << 24 });
            }
            catch (CsvMissingHeadersException)
            {
                throw new ImportException("line 1: the file is empty; a CSV file starts with its header line");
            }
            catch (CsvFormatException e)
            {
                throw new ImportException($"line 1: the header line is not valid CSV: {e.Message}");
            }

            _header = [.. Enumerable.Range(0, _csv.FieldCount).Select(i => _csv.GetName(i).Trim())];
            Line = 1;
        }

        public override IReadOnlyList<string> Header => _header;

        public override IReadOnlyList<string> Bind(IReadOnlyList<string> columns)
        {
            _ordinals = [.. columns.Select(c => Array.FindIndex(_header, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)))];
            return [.. columns.Where((c, i) => _ordinals[i] < 0)];
        }

        public override bool Read()
        {
            // After a broken quote the reader is in an error state; asking it again throws.
            while (!_stopped)
            {
                bool more;
                try
                {
                    more = _csv.Read();
                    Broken = null;
                }
                catch (CsvFormatException e)
                {
                    // A quote left open swallows the rest of the file; say where it started and stop.
                    Line = ++_dataLine;
                    Broken = $"broken CSV: {e.Message}";
                    _stopped = true;
                    return true;
                }

                if (!more)
                {
                    return false;
                }

                Line = ++_dataLine;
                if (_csv.RowFieldCount <= 1 && _csv.GetString(0).Length == 0)
                {
                    continue;
                }

                if (_csv.RowFieldCount != _header.Length)
                {
                    Broken = $"the row has {_csv.RowFieldCount} fields and the header {_header.Length} (an unquoted delimiter or a missing field)";
                }

                return true;
            }

            return false;
        }

        private bool _stopped;

        public override string? Value(int bound)
        {
            var ordinal = _ordinals[bound];
            if (ordinal < 0 || ordinal >= _csv.RowFieldCount)
            {
                return null;
            }

            var text = _csv.GetString(ordinal);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        // After a broken quote no field of the row can be read; the reason is what there is to keep.
        public override byte[] RowJson() => _stopped
            ? ObjectJson([KeyValuePair.Create("broken", Broken)])
            : ObjectJson(Enumerable.Range(0, _csv.RowFieldCount).Select(i => KeyValuePair.Create(i < _header.Length ? _header[i] : $"field_{i + 1}", (string?)_csv.GetString(i))));

        protected override void Dispose(bool disposing) => _csv.Dispose();
    }

    private sealed class JsonLinesReader(IEnumerable<(long Line, string Text)> lines) : RowReader
    {
        private readonly IEnumerator<(long Line, string Text)> _lines = lines.GetEnumerator();
        private string[] _columns = [];
        private string?[] _values = [];
        private string _line = "";

        public override IReadOnlyList<string> Header => [];

        public override IReadOnlyList<string> Bind(IReadOnlyList<string> columns)
        {
            _columns = [.. columns];
            _values = new string?[columns.Count];
            return [];
        }

        public override bool Read()
        {
            while (_lines.MoveNext())
            {
                var (number, line) = _lines.Current;
                Line = number;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                _line = line;
                Array.Clear(_values);
                Broken = null;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        Broken = "the line is not a JSON object";
                        return true;
                    }

                    for (var i = 0; i < _columns.Length; i++)
                    {
                        _values[i] = Text(Find(document.RootElement, _columns[i]));
                    }
                }
                catch (JsonException e)
                {
                    Broken = $"invalid JSON: {e.Message}";
                }
                catch (InvalidOperationException)
                {
                    // Valid JSON, but a value cannot be decoded to text.
                    Broken = "a string is not valid Unicode (a lone surrogate escape such as \\ud800)";
                }

                return true;
            }

            return false;
        }

        public override string? Value(int bound) => _values[bound];

        public override byte[] RowJson() => Broken is null ? Encoding.UTF8.GetBytes(_line) : ObjectJson([KeyValuePair.Create("line", (string?)_line)]);

        protected override void Dispose(bool disposing) => _lines.Dispose();

        // "address.city" reads a nested object's property, as in the mapping's dotted names.
        private static JsonElement? Find(JsonElement root, string column)
        {
            if (root.TryGetProperty(column, out var direct))
            {
                return direct;
            }

            var current = root;
            foreach (var part in column.Split('.'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                {
                    return null;
                }
            }

            return current;
        }

        private static string? Text(JsonElement? value) => value switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString() is { } t && !string.IsNullOrWhiteSpace(t) ? t : null,
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
            { ValueKind: JsonValueKind.Object or JsonValueKind.Array } v => v.GetRawText(),
            _ => null,
        };
    }
}
