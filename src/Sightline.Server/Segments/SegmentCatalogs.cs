using System.Text.Json;
using Microsoft.Extensions.Options;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Segments;
using Sightline.Core.Storage;
using Sightline.Server.Hosting;

namespace Sightline.Server.Segments;

/// <summary>
/// What a segment may name: the traits profiles hold (typed by a recent value, objects flattened to dotted names),
/// the computed traits, the consent purposes. Trait names are read from the store at most every 10 seconds: the scan
/// covers every trait observation.
/// </summary>
public sealed class SegmentCatalogs(IProfileStore store, SegmentEngine engine, IOptions<SightlineOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (SegmentCatalog Catalog, DateTimeOffset At)? _cached;

    /// <summary>The catalog, with the saved segments (but <paramref name="without"/>, a segment being changed) read afresh.</summary>
    public async Task<SegmentCatalog> CurrentAsync(ISegmentStore segments, CancellationToken cancellationToken, string? without = null)
    {
        var catalog = await CurrentAsync(cancellationToken);
        // Computed traits just declared through the API count before the pipeline puts them in force.
        var computed = new Dictionary<string, TraitType>(catalog.ComputedTraits, StringComparer.Ordinal);
        foreach (var stored in await segments.ComputedDefinitionsAsync(cancellationToken))
        {
            computed.TryAdd(stored.Definition.Name, Type(new ComputedTrait(stored.Definition).ValueKind));
        }

        return new SegmentCatalog
        {
            Traits = catalog.Traits,
            ComputedTraits = computed,
            ConsentPurposes = catalog.ConsentPurposes,
            Segments = (await segments.ListAsync(cancellationToken))
                .Where(s => s.Name != without)
                .ToDictionary(
                    s => s.Name,
                    s => SegmentParser.Parse(s.Expression).Expression is { } e ? SegmentDependencies.Of(e).Segments : (IReadOnlyList<string>)[],
                    StringComparer.Ordinal),
        };
    }

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

            var computed = engine.Computed.Traits.ToDictionary(t => t.Name, t => Type(t.ValueKind), StringComparer.Ordinal);
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
