using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sightline.Core.Import;

/// <summary>Reads <c>record_id: order_id</c> and <c>record_id: [order_id, line]</c> alike.</summary>
internal sealed class ColumnListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? [reader.GetString()!]
            : JsonSerializer.Deserialize<string[]>(ref reader, options) ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        if (value.Count == 1)
        {
            writer.WriteStringValue(value[0]);
            return;
        }

        JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}

/// <summary>Reads a field as a bare column name or as an object with its options.</summary>
internal sealed class FieldMappingConverter : JsonConverter<FieldMapping>
{
    public override FieldMapping Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new FieldMapping { Column = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("must be a column name or an object with column (or value), type, formats, required, values");
        }

        return JsonSerializer.Deserialize<FieldObject>(ref reader, options) is { } field
            ? new FieldMapping
            {
                Column = field.Column,
                Value = field.Value,
                Type = field.Type,
                Formats = field.Formats ?? [],
                Required = field.Required,
                Values = field.Values ?? new Dictionary<string, string>(),
                Strict = field.Strict,
            }
            : throw new JsonException("must not be null");
    }

    public override void Write(Utf8JsonWriter writer, FieldMapping value, JsonSerializerOptions options)
    {
        if (value is { Column: { } column, Value: null, Type: null, Formats.Count: 0, Required: false, Values.Count: 0 })
        {
            writer.WriteStringValue(column);
            return;
        }

        JsonSerializer.Serialize(writer, new FieldObject
        {
            Column = value.Column,
            Value = value.Value,
            Type = value.Type,
            Formats = value.Formats.Count == 0 ? null : [.. value.Formats],
            Required = value.Required,
            Values = value.Values.Count == 0 ? null : new Dictionary<string, string>(value.Values),
            Strict = value.Strict,
        }, options);
    }

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record FieldObject
    {
        public string? Column { get; init; }

        public string? Value { get; init; }

        public string? Type { get; init; }

        public string[]? Formats { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool Required { get; init; }

        public Dictionary<string, string>? Values { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool Strict { get; init; }
    }
}
