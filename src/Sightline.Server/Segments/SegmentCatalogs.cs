using System.Text.Json;
using Microsoft.Extensions.Options;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Segments;
using Sightline.Core.Storage;
using Sightline.Server.Hosting;

namespace Sightline.Server.Segments;

/// <summary>
/// What a segment may name: the traits profiles hold (typed by a recent value, objects flattened to dotted names),
/// the computed traits, the consent purposes. Trait names are read from the store at most once a minute: the scan
/// covers every trait observation.
/// </summary>
public sealed class SegmentCatalogs(IProfileStore store, IOptions<SightlineOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (SegmentCatalog Catalog, DateTimeOffset At)? _cached;

    public async Task<SegmentCatalog> CurrentAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && time.GetUtcNow() - cached.At < Fresh)
            {
                return cached.Catalog;
            }

            var traits = new Dictionary<string, TraitType>(StringComparer.Ordinal);
            foreach (var (name, json) in await store.TraitSamplesAsync(cancellationToken))
            {
                using var document = JsonDocument.Parse(json);
                Add(traits, name, document.RootElement);
            }

            var computed = TraitDefinitionLoader.Defaults().Definitions
                .ToDictionary(d => d.Name, d => Type(new ComputedTrait(d).ValueKind), StringComparer.Ordinal);
            var catalog = new SegmentCatalog
            {
                Traits = traits,
                ComputedTraits = computed,
                ConsentPurposes = options.Value.Purposes().ToHashSet(StringComparer.Ordinal),
            };
            _cached = (catalog, time.GetUtcNow());
            return catalog;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static void Add(Dictionary<string, TraitType> traits, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                Add(traits, $"{name}.{property.Name}", property.Value);
            }
        }
        else if (SegmentCatalog.TypeOf(value) is { } type)
        {
            traits[name] = type;
        }
    }

    private static TraitType Type(ComputedValueKind? kind) => kind switch
    {
        ComputedValueKind.Number => TraitType.Number,
        ComputedValueKind.Boolean => TraitType.Boolean,
        ComputedValueKind.Timestamp => TraitType.Date,
        ComputedValueKind.List => TraitType.List,
        _ => TraitType.Text,
    };
}
