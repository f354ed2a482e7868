using System.Text.Json;
using Sightline.Core.Events;
using Sightline.Core.Import;

namespace Sightline.Core.Tests.Fuzz;

/// <summary>How one generated import ended.</summary>
public enum ImportOutcome
{
    /// <summary>The mapping did not load, with a message saying why.</summary>
    MappingRefused,

    /// <summary>The file could not be read against the mapping at all (a missing column): nothing written.</summary>
    FileRefused,

    /// <summary>Every row imported or quarantined, and the quarantined ones mapped again without a crash.</summary>
    Imported,
}

/// <summary>
/// Runs a generated file through the real <see cref="Importer"/> into a store that checks, instead of writing, every
/// message and quarantined row it is handed; then retries the quarantined rows, as <c>sightline quarantine retry</c> does.
/// </summary>
public static class ImportChecks
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MappingResult> Presets = new(StringComparer.Ordinal);

    public static async Task<(ImportOutcome Outcome, int Rows, int Quarantined, string? Failure)> RunAsync(HostileFile file, IngestionLimits limits)
    {
        var parser = new MessageParser(limits).ForImports();
        var store = new CheckingStore(parser, limits);
        try
        {
            var loaded = file.Mapping.StartsWith(MappingLoader.PresetPrefix, StringComparison.Ordinal)
                ? Presets.GetOrAdd(file.Mapping, MappingLoader.Load)
                : MappingLoader.Parse(file.Mapping, "fuzz");
            if (loaded.Mapping is not { } mapping)
            {
                return string.IsNullOrWhiteSpace(loaded.Error) ? (ImportOutcome.MappingRefused, 0, 0, "a mapping refused without a reason") : (ImportOutcome.MappingRefused, 0, 0, null);
            }

            try
            {
                using var input = new MemoryStream(file.Content);
                await new Importer(store, parser, batchSize: 4).RunAsync(input, file.FileName, mapping, 1, "fuzz", null, CancellationToken.None);
            }
            catch (ImportException e)
            {
                return (ImportOutcome.FileRefused, 0, 0, string.IsNullOrWhiteSpace(e.Message) ? "a file refused without a reason" : null);
            }

            var quarantined = store.Quarantined.Select((row, i) => new StoredQuarantineRow(i + 1, 1, row.Line, row.Row)).ToList();
            var retried = new CheckingStore(parser, limits);
            await new Importer(retried, parser).RetryAsync(new ImportRecord(1, 1, file.FileName, MappingLoader.ToJson(mapping)), "fuzz", quarantined, mapping, CancellationToken.None);
            return (ImportOutcome.Imported, store.Rows, quarantined.Count, store.Failure ?? retried.Failure);
        }
#pragma warning disable CA1031 // A crash is exactly what the fuzzer looks for; it is reported, not rethrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (ImportOutcome.Imported, store.Rows, store.Quarantined.Count, $"the import threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }

    /// <summary>Keeps nothing but the quarantined rows; checks each message as the log would receive it.</summary>
    private sealed class CheckingStore(MessageParser parser, IngestionLimits limits) : IImportStore
    {
        public List<QuarantinedRow> Quarantined { get; } = [];

        public int Rows { get; private set; }

        public string? Failure { get; private set; }

        public Task<long> StartImportAsync(long sourceId, string file, string mappingJson, CancellationToken cancellationToken) => Task.FromResult(1L);

        public Task<ImportCounts> AppendImportAsync(
            long sourceId, long importId, IReadOnlyList<MappedRow> rows, Func<MappedRow, string, BuiltMessage> message,
            IReadOnlyList<QuarantinedRow> quarantined, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                Rows++;
                var built = message(row, row.RecordId);
                Failure ??= built switch
                {
                    { Message: { } accepted } => StoredMessageChecks.Message(parser, accepted, limits) is { } problem ? $"row at line {row.Line}: {problem}" : null,
                    { Rejection: { } rejection } => StoredMessageChecks.Rejection(rejection),
                    _ => "a row built neither a message nor a rejection",
                };
            }

            foreach (var row in quarantined)
            {
                Failure ??= string.IsNullOrWhiteSpace(row.Column) || string.IsNullOrWhiteSpace(row.Reason) ? $"line {row.Line} quarantined without a column or a reason" : RowIsObject(row);
            }

            Quarantined.AddRange(quarantined);
            return Task.FromResult(new ImportCounts(rows.Count, 0, 0, quarantined.Count));
        }

        public Task<string?> LastMappingAsync(long sourceId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<ImportRecord?> FindImportAsync(long importId, CancellationToken cancellationToken) => Task.FromResult<ImportRecord?>(null);

        public Task<IReadOnlyList<StoredQuarantineRow>> QuarantinedRowsAsync(long? importId, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredQuarantineRow>>([]);

        public Task<int> DiscardAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task FinishImportAsync(long importId, ImportSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>A quarantined row is kept as a JSON object of column → text, so that it can be mapped again.</summary>
        private static string? RowIsObject(QuarantinedRow row)
        {
            try
            {
                using var document = JsonDocument.Parse(row.Row);
                return document.RootElement.ValueKind == JsonValueKind.Object ? null : $"line {row.Line} quarantined as JSON that is not an object";
            }
            catch (JsonException e)
            {
                return $"line {row.Line} quarantined as invalid JSON: {e.Message}";
            }
        }
    }
}
