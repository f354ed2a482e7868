using System.Text.Json;
using System.Text.Json.Nodes;
using PhoneNumbers;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Sightline.Core.Import;

/// <summary>Reads mappings from YAML or JSON files and from the built-in presets, and says exactly what is wrong with one.</summary>
public static class MappingLoader
{
    public const string PresetPrefix = "preset:";

    private const string ResourcePrefix = "Sightline.Core.Import.Presets.";

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,

        // YAML scalars arrive as text: trust: 80 and required: true must still read as a number and a flag.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        Converters = { new FlagConverter() },
    };

    /// <summary>The built-in presets' names, such as <c>crm-contacts</c>.</summary>
    public static IReadOnlyList<string> Presets { get; } =
    [
        .. typeof(MappingLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A preset's YAML text, or null when there is no such preset.</summary>
    public static string? PresetText(string name)
    {
        using var stream = typeof(MappingLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml");
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Loads <c>preset:NAME</c> or a YAML/JSON file.</summary>
    public static MappingResult Load(string reference)
    {
        if (reference.StartsWith(PresetPrefix, StringComparison.Ordinal))
        {
            var name = reference[PresetPrefix.Length..];
            return PresetText(name) is { } preset
                ? Parse(preset, reference)
                : MappingResult.Fail($"{reference}: no such preset (there are {string.Join(", ", Presets)})");
        }

        if (!File.Exists(reference))
        {
            return MappingResult.Fail($"{reference}: no such file (or name a built-in one as preset:NAME: {string.Join(", ", Presets)})");
        }

        return Parse(File.ReadAllText(reference), reference);
    }

    /// <summary>
    /// A mapping from someone who may not name files (a dashboard form): <c>preset:NAME</c>, or the mapping itself as YAML
    /// or JSON. A server never reads a path a caller names.
    /// </summary>
    public static MappingResult FromText(string text) =>
        text.Trim() is var trimmed && trimmed.StartsWith(PresetPrefix, StringComparison.Ordinal) ? Load(trimmed) : Parse(text, "mapping");

    /// <summary>Parses YAML (JSON is YAML too) and validates it.</summary>
    public static MappingResult Parse(string text, string origin)
    {
        JsonNode? json;
        try
        {
            var yaml = new DeserializerBuilder().Build().Deserialize(new StringReader(text));
            json = ToJson(yaml);
        }
        catch (YamlException e)
        {
            return MappingResult.Fail($"{origin}: line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }

        if (json is not JsonObject)
        {
            return MappingResult.Fail($"{origin}: must be a mapping of keys (record_id, type, identifiers, traits, …)");
        }

        ImportMapping mapping;
        try
        {
            mapping = json.Deserialize<ImportMapping>(JsonOptions) ?? throw new JsonException("is empty");
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 2 } p ? p[2..] + ": " : "";
            return MappingResult.Fail($"{origin}: {path}{e.InnerException?.Message ?? e.Message}");
        }

        return Validate(mapping) is { } problem ? MappingResult.Fail($"{origin}: {problem}") : MappingResult.Ok(mapping);
    }

    /// <summary>The mapping as JSON, as stored beside an import so a retry can use the same one.</summary>
    public static string ToJson(ImportMapping mapping) => JsonSerializer.Serialize(mapping, JsonOptions);

    private static string? Validate(ImportMapping m)
    {
        if (m.Type is not ("identify" or "track"))
        {
            return $"type: \"{m.Type}\" is not identify or track";
        }

        if (m.RecordId.Count == 0 || m.RecordId.Any(string.IsNullOrWhiteSpace))
        {
            return "record_id: is required: the column (or columns) that identify a row in this source";
        }

        if (m.Format is not (null or "csv" or "jsonl"))
        {
            return $"format: \"{m.Format}\" is not csv or jsonl";
        }

        if (m.Delimiter is { Length: not 1 } and not "\\t")
        {
            return $"delimiter: \"{m.Delimiter}\" must be one character";
        }

        if (m.Kind is not (null or "customer-direct" or "third-party"))
        {
            return $"kind: \"{m.Kind}\" is not customer-direct or third-party";
        }

        if (m.Trust is < 0 or > 100)
        {
            return "trust: must be between 0 and 100";
        }

        if (m.Type == "track" && m.Event is null)
        {
            return "event: a track mapping needs the event name (a constant, or a column)";
        }

        if (m.Type == "track" && m.Timestamp is null)
        {
            return "timestamp: a track mapping needs the column with when it happened";
        }

        if (m.Type == "identify" && (m.Event is not null || m.Properties.Count > 0))
        {
            return "event: identify rows carry traits, not an event or properties (use type: track)";
        }

        if (m.Identifiers.Count == 0)
        {
            return "identifiers: at least one column must identify the person (email, phone, user_id, crm_id, …)";
        }

        if (Defaults(m.Defaults) is { } defaults)
        {
            return "defaults." + defaults;
        }

        var fields = new[] { ("event", m.Event), ("timestamp", m.Timestamp) }
            .Where(f => f.Item2 is not null)
            .Select(f => (f.Item1, f.Item2!))
            .Concat(m.Identifiers.Select(f => ("identifiers." + f.Key, f.Value)))
            .Concat(m.Traits.Select(f => ("traits." + f.Key, f.Value)))
            .Concat(m.Properties.Select(f => ("properties." + f.Key, f.Value)))
            .Concat(m.Consent.Select(f => ("consent." + f.Key, f.Value)));
        foreach (var (path, field) in fields)
        {
            if ((field.Column is null) == (field.Value is null))
            {
                return $"{path}: needs either column or value";
            }

            if (field.Column is { } column && string.IsNullOrWhiteSpace(column))
            {
                return $"{path}: the column name is empty";
            }

            if (field.Type is { } type && !FieldTypes.All.Contains(type))
            {
                return $"{path}.type: \"{type}\" is not one of {string.Join(", ", FieldTypes.All)}";
            }
        }

        foreach (var name in m.Traits.Keys.Concat(m.Properties.Keys).Concat(m.Identifiers.Keys).Concat(m.Consent.Keys))
        {
            if (name.Length == 0 || name.Split('.').Any(part => part.Length == 0))
            {
                return $"\"{name}\": is not a name (use letters, digits, '_'; dots nest objects)";
            }
        }

        return null;
    }

    private static string? Defaults(SourceDefaults d)
    {
        if (d.PhoneRegion is { } region && !PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region.ToUpperInvariant()))
        {
            return $"phone_region: \"{region}\" is not a region code such as ES, MX or US";
        }

        if (d.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return $"time_zone: \"{zone}\" is not a time zone such as Europe/Madrid or America/Mexico_City";
        }

        if (d.DecimalSeparator is not (null or "." or ","))
        {
            return $"decimal_separator: \"{d.DecimalSeparator}\" must be \".\" or \",\"";
        }

        return null;
    }

    /// <summary>An untyped YamlDotNet tree as JSON nodes (scalars stay text; the reader decides what they mean).</summary>
    internal static JsonNode? ToJson(object? yaml) => yaml switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(Convert.ToString(p.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", ToJson(p.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToJson)]),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        _ => JsonValue.Create(Convert.ToString(yaml, System.Globalization.CultureInfo.InvariantCulture)),
    };
}

/// <summary>Reads true/false written as JSON booleans or as YAML text (true, false, yes, no).</summary>
internal sealed class FlagConverter : System.Text.Json.Serialization.JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => reader.GetString()?.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            var other => throw new JsonException($"\"{other}\" is not true or false"),
        },
        _ => throw new JsonException("must be true or false"),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>A mapping, or why it cannot be used.</summary>
public sealed record MappingResult(ImportMapping? Mapping, string? Error)
{
    public static MappingResult Ok(ImportMapping mapping) => new(mapping, null);

    public static MappingResult Fail(string error) => new(null, error);
}
