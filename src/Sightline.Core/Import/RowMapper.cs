using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Sightline.Core.Identity;
using Sightline.Core.Standardization;

namespace Sightline.Core.Import;

/// <summary>
/// Turns rows into Segment messages by a mapping: identify rows carry traits, track rows an event with properties;
/// identifiers go where the live path reads them (userId, traits.email/phone, context.externalIds). Values are
/// standardized on the way; the raw text of any value that changed is kept under <c>context.import.raw</c>, and a
/// value that could not be read under <c>context.import.invalid</c>, so nothing the file said is lost.
/// </summary>
public sealed class RowMapper
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ImportMapping _mapping;
    private readonly string _file;
    private readonly TimeZoneInfo _zone;
    private readonly List<string> _columns = [];
    private readonly Bound[] _recordId;
    private readonly Bound? _event;
    private readonly Bound? _timestamp;
    private readonly (string Type, Bound Field)[] _identifiers;
    private readonly (string Path, Bound Field)[] _traits;
    private readonly (string Path, Bound Field)[] _properties;
    private readonly (string Purpose, Bound Field)[] _consent;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public RowMapper(ImportMapping mapping, string file)
    {
        _mapping = mapping;
        _file = file;
        _zone = mapping.Defaults.TimeZone is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc;
        _recordId = [.. mapping.RecordId.Select(c => Bind("record_id", new FieldMapping { Column = c, Required = true }, FieldTypes.Text))];
        // An event name is text and a timestamp a moment, whatever type a mapping gives them.
        _event = mapping.Event is { } e ? Bind("event", e with { Required = true, Type = FieldTypes.Text }, FieldTypes.Text) : null;
        _timestamp = mapping.Timestamp is { } t ? Bind("timestamp", t with { Required = t.Required || mapping.Type == "track", Type = FieldTypes.DateTime }, FieldTypes.DateTime) : null;
        _identifiers = [.. mapping.Identifiers.Select(p => (p.Key.ToLowerInvariant(), Bind("identifiers." + p.Key, p.Value, IdentifierType(p.Key))))];
        _traits = [.. mapping.Traits.Select(p => (p.Key, Bind("traits." + p.Key, p.Value, FieldTypes.Infer(p.Key))))];
        _properties = [.. mapping.Properties.Select(p => (p.Key, Bind("properties." + p.Key, p.Value, FieldTypes.Infer(p.Key))))];
        _consent = [.. mapping.Consent.Select(p => (p.Key, Bind("consent." + p.Key, p.Value, FieldTypes.Boolean)))];
    }

    /// <summary>The columns this mapping reads, in the order <see cref="RowReader.Bind"/> expects.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Which mapping field reads <paramref name="column"/>, for error messages about a missing column.</summary>
    public string FieldOf(string column) =>
        _recordId.Append(_event).Append(_timestamp)
            .Concat(_identifiers.Select(i => i.Field)).Concat(_traits.Select(t => t.Field)).Concat(_properties.Select(p => p.Field)).Concat(_consent.Select(c => c.Field))
            .OfType<Bound>().First(b => string.Equals(b.Column, column, StringComparison.OrdinalIgnoreCase)).Path;

    /// <summary>Maps the reader's current row.</summary>
    public (MappedRow? Row, RowError? Error) Map(RowReader row)
    {
        var context = new RowContext(row);
        var recordParts = new string[_recordId.Length];
        for (var i = 0; i < _recordId.Length; i++)
        {
            if (context.Raw(_recordId[i]) is not { } part)
            {
                return (null, new RowError(_recordId[i].Column!, "the record id is empty"));
            }

            recordParts[i] = part.Trim();
        }

        var recordId = string.Join(':', recordParts);
        var country = _traits.Concat(_properties).Where(f => f.Field.Type == FieldTypes.Country).Select(f => context.Raw(f.Field)).FirstOrDefault(c => c is not null) is { } rawCountry
            && Countries.TryStandardize(rawCountry, out var iso, out _) ? iso : _mapping.Defaults.Country;

        var userId = (string?)null;
        var anonymousId = (string?)null;
        var contactTraits = new JsonTree();
        var externalIds = new List<(string Type, string Id)>();
        foreach (var (type, field) in _identifiers)
        {
            if (!Read(context, field, country, out var value, out var error))
            {
                return (null, error);
            }

            if (value is not string text)
            {
                continue;
            }

            switch (type)
            {
                case IdentifierTypes.UserId: userId = text; break;
                case IdentifierTypes.AnonymousId: anonymousId = text; break;
                case IdentifierTypes.Email or IdentifierTypes.Phone: contactTraits.Set(type, text); break;
                default: externalIds.Add((type, text)); break;
            }
        }

        if (userId is null && anonymousId is null && contactTraits.IsEmpty && externalIds.Count == 0)
        {
            var columns = string.Join(", ", _identifiers.Select(i => i.Field.Column ?? i.Field.Path));
            return (null, new RowError(_identifiers[0].Field.Column ?? _identifiers[0].Field.Path, $"no identifier: {columns} are all empty or invalid, so the row cannot be attached to anyone"));
        }

        var traits = new JsonTree();
        foreach (var (path, field) in _traits)
        {
            if (!Read(context, field, country, out var value, out var error))
            {
                return (null, error);
            }

            Set(traits, path, value);
        }

        var properties = new JsonTree();
        foreach (var (path, field) in _properties)
        {
            if (!Read(context, field, country, out var value, out var error))
            {
                return (null, error);
            }

            Set(properties, path, value);
            if (field.Type == FieldTypes.Amount && value is not null && !_mapping.Properties.ContainsKey("currency"))
            {
                properties.Set("currency", context.AmountCurrency ?? _mapping.Defaults.Currency);
            }
        }

        var consent = new JsonTree();
        foreach (var (purpose, field) in _consent)
        {
            if (!Read(context, field, country, out var value, out var error))
            {
                return (null, error);
            }

            consent.Set(purpose, value);
        }

        string? eventName = null;
        if (_event is { } eventField)
        {
            if (!Read(context, eventField, country, out var value, out var error))
            {
                return (null, error);
            }

            eventName = (string)value!;
        }

        DateTimeOffset? timestamp = null;
        if (_timestamp is { } timestampField)
        {
            if (!Read(context, timestampField, country, out var value, out var error))
            {
                return (null, error);
            }

            timestamp = (DateTimeOffset?)value;
        }

        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", _mapping.Type);
        if (userId is not null)
        {
            writer.WriteString("userId", userId);
        }

        if (anonymousId is not null)
        {
            writer.WriteString("anonymousId", anonymousId);
        }

        if (eventName is not null)
        {
            writer.WriteString("event", eventName);
        }

        if (_mapping.Type == "identify")
        {
            traits.Merge(contactTraits);
            writer.WritePropertyName("traits");
            traits.Write(writer);
        }
        else
        {
            writer.WritePropertyName("properties");
            properties.Write(writer);
        }

        // Without a timestamp column the parser stamps the import time; writing it here would make every
        // re-import of an unchanged row look new.
        if (timestamp is { } at)
        {
            writer.WriteString("timestamp", at);
        }
        writer.WriteStartObject("context");
        if (_mapping.Type == "track")
        {
            traits.Merge(contactTraits);
            if (!traits.IsEmpty)
            {
                writer.WritePropertyName("traits");
                traits.Write(writer);
            }
        }

        if (externalIds.Count > 0)
        {
            writer.WriteStartArray("externalIds");
            foreach (var (type, id) in externalIds)
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("type", type);
                writer.WriteString("collection", "users");
                writer.WriteString("encoding", "none");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (!consent.IsEmpty)
        {
            writer.WriteStartObject("consent");
            writer.WritePropertyName("categoryPreferences");
            consent.Write(writer);
            writer.WriteEndObject();
        }

        // Everything above is what the row says; the hash of it tells an unchanged row on re-import. What follows
        // (file, line, raw text) is where it came from, which may differ between two exports of the same record.
        writer.Flush();
        var hash = SHA256.HashData(_buffer.WrittenSpan.Slice(0, (int)writer.BytesCommitted))[..16];
        writer.WriteStartObject("import");
        writer.WriteString("file", _file);
        writer.WriteNumber("line", row.Line);
        writer.WriteString("recordId", recordId);
        context.WriteProvenance(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        return (new MappedRow(recordId, row.Line, hash, _buffer.WrittenSpan.ToArray()), null);
    }

    private static void Set(JsonTree tree, string path, object? value)
    {
        if (value is PersonName name)
        {
            // A full name fills the given name and surname beside it, as the matcher and the profile read them.
            var parent = path.Contains('.', StringComparison.Ordinal) ? path[..(path.LastIndexOf('.') + 1)] : "";
            tree.Set(path, string.Join(' ', new[] { name.GivenName, name.Surname }.OfType<string>()));
            tree.Set(parent + "firstName", name.GivenName);
            tree.Set(parent + "lastName", name.Surname);
            return;
        }

        tree.Set(path, value);
    }

    /// <summary>
    /// Reads and standardizes one field. False (with the error) only for a required field without a usable value;
    /// an optional field that cannot be read yields null and is noted as invalid.
    /// </summary>
    private bool Read(RowContext context, Bound field, string? country, out object? value, out RowError? error)
    {
        value = null;
        error = null;
        var raw = context.Raw(field);
        if (raw is null)
        {
            if (field.Required)
            {
                error = new RowError(field.Column ?? field.Path, "is empty");
                return false;
            }

            return true;
        }

        var text = raw.Trim();
        if (field.Values.Count > 0)
        {
            if (field.Values.TryGetValue(text, out var mapped) || field.Values.TryGetValue(text.ToLowerInvariant(), out mapped))
            {
                text = mapped;
            }
            else if (field.Strict)
            {
                return Fail(context, field, raw, $"\"{Short(text)}\" is not one of {string.Join(", ", field.Values.Keys)}", out error);
            }
        }

        string? problem = null;
        switch (field.Type)
        {
            case FieldTypes.Email:
                value = Emails.TryStandardize(text, out var email, out problem) ? email : null;
                break;
            case FieldTypes.Phone:
                value = Phones.TryStandardize(text, _mapping.Defaults.PhoneRegion, out var phone, out problem) ? phone : null;
                break;
            case FieldTypes.Name:
                value = PersonNames.Clean(text) is { Length: > 0 } clean ? clean : null;
                problem = value is null ? "has no letters" : null;
                break;
            case FieldTypes.FullName:
                var split = PersonNames.Split(text);
                value = split.GivenName is null && split.Surname is null ? null : split;
                problem = value is null ? "has no name in it" : null;
                break;
            case FieldTypes.Date:
                value = Dates.TryParseDate(text, field.Formats.Count > 0 ? field.Formats : _mapping.Defaults.DateFormats, out var date, out problem)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null;
                break;
            case FieldTypes.DateTime:
                value = Dates.TryParse(text, field.Formats.Count > 0 ? field.Formats : _mapping.Defaults.DateFormats, _zone, out var moment, out problem) ? moment : null;
                break;
            case FieldTypes.Country:
                value = Countries.TryStandardize(text, out var iso, out problem) ? iso : null;
                break;
            case FieldTypes.Currency:
                value = Currencies.TryStandardize(text, out var code, out problem) ? code : null;
                break;
            case FieldTypes.Amount:
                var separator = _mapping.Defaults.DecimalSeparator is [var c] ? c : (char?)null;
                if (Amounts.TryParse(text, _mapping.Defaults.Currency, separator, out var amount, out var currency, out problem))
                {
                    value = amount;
                    context.AmountCurrency = currency;
                }

                break;
            case FieldTypes.PostalCode:
                value = PostalCodes.TryStandardize(text, country, out var postal, out problem) ? postal : null;
                break;
            case FieldTypes.WholeNumber:
                value = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : null;
                problem = value is null ? $"\"{Short(text)}\" is not a whole number" : null;
                break;
            case FieldTypes.Number:
                value = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
                problem = value is null ? $"\"{Short(text)}\" is not a number" : null;
                break;
            case FieldTypes.Boolean:
                value = Flag(text);
                problem = value is null ? $"\"{Short(text)}\" is not yes/no, true/false, sí/no or 1/0" : null;
                break;
            default:
                value = text;
                break;
        }

        if (value is null)
        {
            return Fail(context, field, raw, problem ?? "cannot be read", out error);
        }

        if (field.Column is not null && !string.Equals(Format(value), raw, StringComparison.Ordinal))
        {
            context.Changed(field.Column, raw);
        }

        return true;
    }

    private static bool Fail(RowContext context, Bound field, string raw, string reason, out RowError? error)
    {
        if (field.Required)
        {
            error = new RowError(field.Column ?? field.Path, reason);
            return false;
        }

        error = null;
        context.Invalid(field.Column ?? field.Path, raw, reason);
        return true;
    }

    private static bool? Flag(string text) => text.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "y" or "sí" or "si" or "s" or "x" or "granted" or "opt-in" or "opted in" => true,
        "0" or "false" or "no" or "n" or "denied" or "opt-out" or "opted out" => false,
        _ => null,
    };

    private static string Format(object value) => value switch
    {
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string IdentifierType(string type) => type.ToLowerInvariant() switch
    {
        IdentifierTypes.Email => FieldTypes.Email,
        IdentifierTypes.Phone => FieldTypes.Phone,
        _ => FieldTypes.Text,
    };

    private Bound Bind(string path, FieldMapping field, string inferredType)
    {
        var index = -1;
        if (field.Column is { } column)
        {
            index = _columns.FindIndex(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                _columns.Add(column);
                index = _columns.Count - 1;
            }
        }

        return new Bound(path, field.Column, field.Value, index, field.Type ?? inferredType, field.Required, field.Values, field.Strict, field.Formats);
    }

    private sealed record Bound(
        string Path, string? Column, string? Constant, int Index, string Type, bool Required, IReadOnlyDictionary<string, string> Values, bool Strict, IReadOnlyList<string> Formats);

    /// <summary>The current row's values, and what standardizing them changed or could not read.</summary>
    private sealed class RowContext(RowReader row)
    {
        private List<(string Column, string Raw)>? _changed;
        private List<(string Column, string Raw, string Reason)>? _invalid;

        public string? AmountCurrency { get; set; }

        public string? Raw(Bound field) => field.Constant ?? (field.Index >= 0 ? row.Value(field.Index) : null);

        public void Changed(string column, string raw)
        {
            _changed ??= [];
            if (!_changed.Exists(c => c.Column == column))
            {
                _changed.Add((column, raw));
            }
        }

        public void Invalid(string column, string raw, string reason) => (_invalid ??= []).Add((column, raw, reason));

        public void WriteProvenance(Utf8JsonWriter writer)
        {
            if (_changed is { Count: > 0 })
            {
                writer.WriteStartObject("raw");
                foreach (var (column, raw) in _changed)
                {
                    writer.WriteString(column, raw);
                }

                writer.WriteEndObject();
            }

            if (_invalid is { Count: > 0 })
            {
                writer.WriteStartObject("invalid");
                foreach (var (column, raw, reason) in _invalid)
                {
                    writer.WriteStartObject(column);
                    writer.WriteString("value", raw);
                    writer.WriteString("reason", reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }
        }
    }
}
