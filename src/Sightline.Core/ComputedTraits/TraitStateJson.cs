using System.Text.Json.Serialization;

namespace Sightline.Core.ComputedTraits;

/// <summary>Source-generated JSON for trait states: read and written for every event a profile receives.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(ScalarValueConverter)])]
[JsonSerializable(typeof(TraitState))]
internal sealed partial class TraitStateJson : JsonSerializerContext;
