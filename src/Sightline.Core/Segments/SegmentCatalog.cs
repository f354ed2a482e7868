using System.Text.Json;

namespace Sightline.Core.Segments;

/// <summary>
/// The names an expression is checked against: traits and computed traits with their types, consent purposes, event
/// names seen so far, and existing segments with the segments each refers to (to find cycles). Lookups use the
/// comparers of the collections given (ordinal, case-sensitive, by default).
/// </summary>
public sealed class SegmentCatalog
{
    /// <summary>An empty catalog.</summary>
    public static SegmentCatalog Empty { get; } = new();

    /// <summary>Stored traits by (possibly dotted) name, such as <c>country</c> or <c>address.city</c>.</summary>
    public IReadOnlyDictionary<string, TraitType> Traits { get; init; } = new Dictionary<string, TraitType>();

    /// <summary>Computed traits by name, such as <c>orders_90d</c>.</summary>
    public IReadOnlyDictionary<string, TraitType> ComputedTraits { get; init; } = new Dictionary<string, TraitType>();

    /// <summary>The consent purposes <c>consent(…)</c> may name.</summary>
    public IReadOnlySet<string> ConsentPurposes { get; init; } = new HashSet<string>();

    /// <summary>
    /// Event names seen so far. An unknown name is only a warning: a segment may be written before its first event
    /// arrives. When empty, event names are not checked.
    /// </summary>
    public IReadOnlySet<string> EventNames { get; init; } = new HashSet<string>();

    /// <summary>Existing segments by name, each with the names of the segments its expression refers to.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Segments { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The type a stored trait value has for segments, read as evaluation reads it (text holding a date is a date); null
    /// for objects and nulls, which have no type of their own.
    /// </summary>
    public static TraitType? TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => TraitType.Number,
        JsonValueKind.True or JsonValueKind.False => TraitType.Boolean,
        JsonValueKind.Array => TraitType.List,
        JsonValueKind.String => SegmentDates.TryParse(value.GetString(), out _, out _) ? TraitType.Date : TraitType.Text,
        _ => null,
    };

    internal bool TryGetTrait(string name, out TraitType type) =>
        Traits.TryGetValue(name, out type) || ComputedTraits.TryGetValue(name, out type);
}
