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

    /// <summary>The state as UTF-8 JSON, for storage.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, TraitStateJson.Default.TraitState);

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a trait state.</exception>
    public static TraitState FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, TraitStateJson.Default.TraitState) ?? throw new JsonException("A trait state cannot be null.");
}
