using System.Text.Json;

namespace Sightline.Core.Segments;

/// <summary>
/// A trait or event property value as a segment reads it: missing, text, number, boolean, date or list. A struct, so
/// reading a trait for an evaluation allocates nothing; <c>default</c> is <see cref="Missing"/>.
/// </summary>
public readonly struct SegmentValue : IEquatable<SegmentValue>
{
    private readonly object? _reference;
    private readonly double _number;
    private readonly DateTimeOffset _date;

    private SegmentValue(SegmentValueKind kind, object? reference, double number, DateTimeOffset date)
    {
        Kind = kind;
        _reference = reference;
        _number = number;
        _date = date;
    }

    /// <summary>No value.</summary>
    public static SegmentValue Missing => default;

    /// <summary>Which kind of value this is.</summary>
    public SegmentValueKind Kind { get; }

    /// <summary>True when there is no value.</summary>
    public bool IsMissing => Kind == SegmentValueKind.Missing;

    /// <summary>The text, or null when this is not text.</summary>
    public string? AsText => Kind == SegmentValueKind.Text ? (string)_reference! : null;

    /// <summary>The number, or NaN when this is not a number.</summary>
    public double AsNumber => Kind == SegmentValueKind.Number ? _number : double.NaN;

    /// <summary>The boolean, or null when this is not a boolean.</summary>
    public bool? AsBoolean => Kind == SegmentValueKind.Boolean ? _number != 0 : null;

    /// <summary>The moment, or null when this is not a date.</summary>
    public DateTimeOffset? AsDate => Kind == SegmentValueKind.Date ? _date : null;

    /// <summary>The elements, or null when this is not a list.</summary>
    public IReadOnlyList<SegmentValue>? AsList => Kind == SegmentValueKind.List ? (IReadOnlyList<SegmentValue>)_reference! : null;

    internal string TextUnchecked => (string)_reference!;

    internal double NumberUnchecked => _number;

    internal DateTimeOffset DateUnchecked => _date;

    internal IReadOnlyList<SegmentValue> ListUnchecked => (IReadOnlyList<SegmentValue>)_reference!;

    /// <summary>Text; null gives <see cref="Missing"/>.</summary>
    public static SegmentValue Text(string? text) => text is null ? default : new(SegmentValueKind.Text, text, 0, default);

    /// <summary>A number; NaN gives <see cref="Missing"/>.</summary>
    public static SegmentValue Number(double number) => double.IsNaN(number) ? default : new(SegmentValueKind.Number, null, number, default);

    /// <summary>True or false.</summary>
    public static SegmentValue Boolean(bool value) => new(SegmentValueKind.Boolean, null, value ? 1 : 0, default);

    /// <summary>A moment.</summary>
    public static SegmentValue Date(DateTimeOffset moment) => new(SegmentValueKind.Date, null, 0, moment);

    /// <summary>A list; null gives <see cref="Missing"/>.</summary>
    public static SegmentValue List(IReadOnlyList<SegmentValue>? items) => items is null ? default : new(SegmentValueKind.List, items, 0, default);

    /// <summary>A JSON value as segments read it: strings as text (dates in text are read as dates when compared), arrays as lists; objects and null as missing.</summary>
    public static SegmentValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Text(element.GetString()),
        JsonValueKind.Number => Number(element.GetDouble()),
        JsonValueKind.True => Boolean(true),
        JsonValueKind.False => Boolean(false),
        JsonValueKind.Array => List([.. element.EnumerateArray().Select(FromJson)]),
        _ => Missing,
    };

    public static bool operator ==(SegmentValue left, SegmentValue right) => left.Equals(right);

    public static bool operator !=(SegmentValue left, SegmentValue right) => !left.Equals(right);

    /// <summary>Same kind and same value (text compared ordinally, lists element by element).</summary>
    public bool Equals(SegmentValue other) => Kind == other.Kind && Kind switch
    {
        SegmentValueKind.Missing => true,
        SegmentValueKind.Text => string.Equals(TextUnchecked, other.TextUnchecked, StringComparison.Ordinal),
        SegmentValueKind.Number or SegmentValueKind.Boolean => _number.Equals(other._number),
        SegmentValueKind.Date => _date.Equals(other._date),
        _ => ListUnchecked.SequenceEqual(other.ListUnchecked),
    };

    public override bool Equals(object? obj) => obj is SegmentValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        SegmentValueKind.Text => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(TextUnchecked)),
        SegmentValueKind.List => HashCode.Combine(Kind, ListUnchecked.Count),
        _ => HashCode.Combine(Kind, _number, _date),
    };

    public override string ToString() => Kind switch
    {
        SegmentValueKind.Missing => "(missing)",
        SegmentValueKind.Text => TextUnchecked,
        SegmentValueKind.Number => _number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SegmentValueKind.Boolean => _number != 0 ? "true" : "false",
        SegmentValueKind.Date => _date.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"[{string.Join(", ", ListUnchecked)}]",
    };
}
