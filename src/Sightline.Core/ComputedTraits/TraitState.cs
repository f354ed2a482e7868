using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// What one profile's events have added up to for one computed trait, small enough to store beside the profile
/// (<see cref="ToJson"/>): one tally for all-time traits, at most one per UTC day of the window for windowed ones.
/// Changed only through <see cref="ComputedTrait"/>; not safe for concurrent use.
/// </summary>
public sealed class TraitState
{
    [JsonConstructor]
    internal TraitState(string fingerprint, List<Tally> buckets)
    {
        Fingerprint = fingerprint;
        Buckets = buckets;
    }

    /// <summary>The fingerprint of the definition that built this state; another one means recompute.</summary>
    public string Fingerprint { get; }

    /// <summary>No event has contributed (or all have expired from the window).</summary>
    [JsonIgnore]
    public bool IsEmpty => Buckets.Count == 0;

    /// <summary>Tallies in ascending day order, days unique.</summary>
    [JsonInclude]
    internal List<Tally> Buckets { get; }

    // The pipeline writes a state for nearly every event: JsonSerializer allocated a WriteStackFrame[] per call (a tenth
    // of what a rebuild allocated), so each thread keeps one writer and its buffer.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_writer;

    /// <summary>The state as UTF-8 JSON, for storage; byte for byte what <see cref="TraitStateJson"/> writes.</summary>
    public byte[] ToJson()
    {
        var (buffer, writer) = t_writer ??= NewWriter();
        buffer.ResetWrittenCount();
        writer.Reset();
        WriteTo(writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the state as <see cref="TraitStateJson"/> does: snake_case names in declaration order, defaults (zero, null,
    /// false, <see cref="ComputedValue.None"/>) left out, observed values as plain scalars.
    /// </summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("fingerprint"u8, Fingerprint);
        writer.WriteStartArray("buckets"u8);
        foreach (var tally in Buckets)
        {
            Write(writer, tally);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Tally tally)
    {
        writer.WriteStartObject();
        if (tally.Day != 0)
        {
            writer.WriteNumber("day"u8, tally.Day);
        }

        if (tally.Count != 0)
        {
            writer.WriteNumber("count"u8, tally.Count);
        }

        if (tally.Sum != 0)
        {
            writer.WriteNumber("sum"u8, tally.Sum);
        }

        if (tally.Min is { } min)
        {
            writer.WriteNumber("min"u8, min);
        }

        if (tally.Max is { } max)
        {
            writer.WriteNumber("max"u8, max);
        }

        Write(writer, "first"u8, tally.First);
        Write(writer, "last"u8, tally.Last);
        if (tally.Values is { } values)
        {
            writer.WriteStartObject("values"u8);
            foreach (var (value, times) in values)
            {
                writer.WriteNumber(value, times);
            }

            writer.WriteEndObject();
        }

        if (tally.Truncated)
        {
            writer.WriteBoolean("truncated"u8, true);
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Observation? observation)
    {
        if (observation is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        if (observation.At != default)
        {
            writer.WriteString("at"u8, observation.At);
        }

        if (observation.Id is not null)
        {
            writer.WriteString("id"u8, observation.Id);
        }

        if (!observation.Value.IsNone)
        {
            writer.WritePropertyName("value"u8);
            ScalarValueConverter.Write(writer, observation.Value);
        }

        writer.WriteEndObject();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        return (buffer, new Utf8JsonWriter(buffer));
    }

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a trait state.</exception>
    public static TraitState FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, TraitStateJson.Default.TraitState) ?? throw new JsonException("A trait state cannot be null.");
}
