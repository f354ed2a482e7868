using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sightline.Core.ComputedTraits;

/// <summary>The scalar an <see cref="Observation"/> keeps, as the plain JSON number, string or boolean it was.</summary>
internal sealed class ScalarValueConverter : JsonConverter<ComputedValue>
{
    public override bool HandleNull => true;

    public override ComputedValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => ComputedValue.None,
        JsonTokenType.Number => ComputedValue.FromNumber(reader.GetDecimal()),
        JsonTokenType.String => ComputedValue.FromText(reader.GetString()!),
        JsonTokenType.True => ComputedValue.FromBoolean(true),
        JsonTokenType.False => ComputedValue.FromBoolean(false),
        _ => throw new JsonException("An observed value is a number, a string, a boolean or null."),
    };

    public override void Write(Utf8JsonWriter writer, ComputedValue value, JsonSerializerOptions options) => Write(writer, value);

    /// <summary>Writes an observed scalar; <see cref="TraitState.WriteTo"/> writes states without the serializer.</summary>
    public static void Write(Utf8JsonWriter writer, ComputedValue value)
    {
        if (value.Kind is ComputedValueKind.Timestamp or ComputedValueKind.List)
        {
            throw new NotSupportedException("Observations keep scalars only.");
        }

        value.WriteTo(writer);
    }
}
