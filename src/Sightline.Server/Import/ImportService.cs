using Sightline.Core.Events;
using Sightline.Core.Import;
using Sightline.Core.Privacy;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Server.Import;

/// <summary>
/// One way to import a file, for the CLI and the HTTP endpoint alike: the source is found by name, or registered
/// with the mapping's kind, trust and phone region the first time a file arrives for it.
/// Rows about erased people are dropped and counted.
/// </summary>
public sealed class ImportService(ISourceCatalog sources, IImportStore store, MessageParser liveParser, SuppressionFilter suppression)
{
    private readonly MessageParser parser = liveParser.ForImports();

    // Imports into one source run one at a time: each decides new/updated/unchanged from the records before it.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<ImportSummary> ImportAsync(
        Stream input, string file, string sourceName, ImportMapping mapping, IProgress<ImportSummary>? progress, CancellationToken cancellationToken)
    {
        var source = await FindOrAddAsync(sourceName, mapping, cancellationToken);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return await Importer(source).RunAsync(input, file, mapping, source.Id, source.Name, progress, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Maps quarantined file rows again (those of <paramref name="importId"/>, or those with <paramref name="ids"/>)
    /// with <paramref name="mapping"/>, or each import's own mapping when null; one summary per import touched.
    /// </summary>
    public async Task<IReadOnlyList<ImportSummary>> RetryAsync(long? importId, IReadOnlyList<long> ids, ImportMapping? mapping, CancellationToken cancellationToken)
    {
        var rows = await store.QuarantinedRowsAsync(importId, ids, cancellationToken);
        var known = (await sources.ListAsync(cancellationToken)).ToDictionary(s => s.Id);
        var summaries = new List<ImportSummary>();
        await Gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var group in rows.GroupBy(r => r.ImportId))
            {
                var import = await store.FindImportAsync(group.Key, cancellationToken)
                    ?? throw new ImportException($"import {group.Key} is gone");
                var map = mapping ?? MappingLoader.Parse(import.Mapping, $"import {import.Id}'s mapping").Mapping
                    ?? throw new ImportException($"import {import.Id}'s stored mapping no longer loads; pass a mapping");
                var source = known.GetValueOrDefault(import.SourceId);
                summaries.Add(await Importer(source).RetryAsync(import, source?.Name ?? "?", [.. group], map, cancellationToken));
            }
        }
        finally
        {
            Gate.Release();
        }

        return summaries;
    }

    private Importer Importer(Source? source) => new(store, parser, suppression, source);

    private async Task<Source> FindOrAddAsync(string name, ImportMapping mapping, CancellationToken cancellationToken)
    {
        if (await sources.FindAsync(name, cancellationToken) is { } existing)
        {
            return existing;
        }

        var validation = NewSource.Create(name, mapping.Kind, mapping.Trust, writeKey: null, mapping.Defaults.PhoneRegion);
        return validation.Source is { } source
            ? await sources.FindOrAddAsync(source, cancellationToken)
            : throw new ImportException($"source {validation.Field}: {validation.Reason}");
    }
}
