using System.Globalization;
using System.Text.Json;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// A computed trait's value: a number, text, flag, timestamp or list of text, or none. A struct so that reading a
/// trait for a million profiles allocates nothing for scalars.
/// </summary>
public readonly struct ComputedValue : IEquatable<ComputedValue>
{
    // Text or string[]; numbers, flags (0/1) and timestamps (UTC ticks) share the decimal.
    private readonly object? _reference;
    private readonly decimal _number;

    private ComputedValue(ComputedValueKind kind, decimal number, object? reference)
    {
        Kind = kind;
        _number = number;
        _reference = reference;
    }

    public static ComputedValue None => default;

    public ComputedValueKind Kind { get; }

    public bool IsNone => Kind == ComputedValueKind.None;

    /// <summary>The number; throws unless <see cref="Kind"/> is <see cref="ComputedValueKind.Number"/>.</summary>
    public decimal Number => Kind == ComputedValueKind.Number ? _number : throw Wrong(ComputedValueKind.Number);

    public string Text => Kind == ComputedValueKind.Text ? (string)_reference! : throw Wrong(ComputedValueKind.Text);

    public bool Boolean => Kind == ComputedValueKind.Boolean ? _number != 0 : throw Wrong(ComputedValueKind.Boolean);

    /// <summary>The moment, in UTC.</summary>
    public DateTimeOffset Timestamp => Kind == ComputedValueKind.Timestamp
        ? new DateTimeOffset((long)_number, TimeSpan.Zero)
        : throw Wrong(ComputedValueKind.Timestamp);

    public IReadOnlyList<string> List => Kind == ComputedValueKind.List ? (string[])_reference! : throw Wrong(ComputedValueKind.List);

    public static ComputedValue FromNumber(decimal number) => new(ComputedValueKind.Number, number, null);

    public static ComputedValue FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(ComputedValueKind.Text, 0, text);
    }

    public static ComputedValue FromBoolean(bool flag) => new(ComputedValueKind.Boolean, flag ? 1 : 0, null);

    public static ComputedValue FromTimestamp(DateTimeOffset moment) => new(ComputedValueKind.Timestamp, moment.UtcTicks, null);

    /// <summary>A list value; the array is kept, not copied, so the caller must not change it afterwards.</summary>
    public static ComputedValue FromList(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(ComputedValueKind.List, 0, values);
    }

    /// <summary>The value as UTF-8 JSON (see <see cref="WriteTo"/>).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the value as JSON: a number, string, boolean, ISO 8601 string, array or null.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case ComputedValueKind.Number: writer.WriteNumberValue(_number); break;
            case ComputedValueKind.Text: writer.WriteStringValue(Text); break;
            case ComputedValueKind.Boolean: writer.WriteBooleanValue(Boolean); break;
            case ComputedValueKind.Timestamp: writer.WriteStringValue(Timestamp); break;
            case ComputedValueKind.List:
                writer.WriteStartArray();
                foreach (var item in List)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteNullValue(); break;
        }
    }

    public bool Equals(ComputedValue other) => Kind == other.Kind && Kind switch
    {
        ComputedValueKind.None => true,
        ComputedValueKind.Text => string.Equals(Text, other.Text, StringComparison.Ordinal),
        ComputedValueKind.List => List.SequenceEqual(other.List, StringComparer.Ordinal),
        _ => _number == other._number,
    };

    public override bool Equals(object? obj) => obj is ComputedValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        ComputedValueKind.Text => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Text)),
        ComputedValueKind.List => HashCode.Combine(Kind, List.Count),
        _ => HashCode.Combine(Kind, _number),
    };

    public static bool operator ==(ComputedValue left, ComputedValue right) => left.Equals(right);

    public static bool operator !=(ComputedValue left, ComputedValue right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        ComputedValueKind.None => "(none)",
        ComputedValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        ComputedValueKind.Text => Text,
        ComputedValueKind.Boolean => Boolean ? "true" : "false",
        ComputedValueKind.Timestamp => Timestamp.ToString("O", CultureInfo.InvariantCulture),
        _ => "[" + string.Join(", ", List) + "]",
    };

    private InvalidOperationException Wrong(ComputedValueKind wanted) => new($"The value is {Kind}, not {wanted}.");
}
