using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Sightline.Core.Events;
using Sightline.Core.Privacy;
using Sightline.Core.Sources;

namespace Sightline.Core.Import;

/// <summary>
/// Streams a file through a mapping into the event log, a batch at a time: memory stays flat however large the
/// file, every row read ends up imported, updated, unchanged or quarantined, and a bad row never stops the rest.
/// </summary>
/// <param name="store">Where rows are written.</param>
/// <param name="parser">The message parser for imports.</param>
/// <param name="suppression">Drops (and counts) rows about erased people, quarantined ones included.</param>
/// <param name="source">The source rows are read for (its phone region).</param>
/// <param name="batchSize">Rows per transaction.</param>
public sealed class Importer(IImportStore store, MessageParser parser, SuppressionFilter? suppression = null, Source? source = null, int batchSize = 5_000)
{
    /// <summary>Imports <paramref name="input"/>; throws <see cref="ImportException"/> when the file cannot be read against the mapping at all.</summary>
    public async Task<ImportSummary> RunAsync(
        Stream input, string file, ImportMapping mapping, long sourceId, string sourceName, IProgress<ImportSummary>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var format = mapping.Format ?? RowReader.FormatOf(file);
        var delimiter = mapping.Delimiter switch { null => (char?)null, "\\t" => '\t', var d => d[0] };
        using var reader = RowReader.Open(input, format, delimiter);
        var mapper = new RowMapper(mapping, Path.GetFileName(file));
        var missing = reader.Bind(mapper.Columns);
        if (missing.Count > 0)
        {
            var column = missing[0];
            throw new ImportException($"{Path.GetFileName(file)}: line 1: column \"{column}\" ({mapper.FieldOf(column)}) is not in the header; the header has {string.Join(", ", reader.Header)}");
        }

        var importId = await store.StartImportAsync(sourceId, Path.GetFileName(file), MappingLoader.ToJson(mapping), cancellationToken);
        var summary = new ImportSummary { ImportId = importId, Source = sourceName, File = Path.GetFileName(file) };
        summary = await RunRowsAsync(reader, mapper, mapping, sourceId, summary, null, progress, started, cancellationToken);
        await store.FinishImportAsync(importId, summary, cancellationToken);
        return summary;
    }

    /// <summary>
    /// Maps quarantined rows of one import again (with its mapping, or a fixed one) and imports those that now pass;
    /// those that still fail keep their entry with the new reason.
    /// </summary>
    public async Task<ImportSummary> RetryAsync(
        ImportRecord import, string sourceName, IReadOnlyList<StoredQuarantineRow> rows, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var reader = RowReader.FromQuarantine(rows.Select(r => (r.Line, System.Text.Encoding.UTF8.GetString(r.Row))));
        var mapper = new RowMapper(mapping, import.File);
        reader.Bind(mapper.Columns);
        var summary = new ImportSummary { ImportId = import.Id, Source = sourceName, File = import.File };
        return await RunRowsAsync(reader, mapper, mapping, import.SourceId, summary, [.. rows.Select(r => r.Id)], null, started, cancellationToken);
    }

    /// <summary>
    /// Reads and maps on one thread while the store writes the previous batch on another: mapping and parsing cost
    /// about as much as the durable write, and this machine has two cores.
    /// </summary>
    private async Task<ImportSummary> RunRowsAsync(
        RowReader reader, RowMapper mapper, ImportMapping mapping, long sourceId, ImportSummary summary, long[]? quarantineIds,
        IProgress<ImportSummary>? progress, long started, CancellationToken cancellationToken)
    {
        var type = mapping.Type == "track" ? MessageType.Track : MessageType.Identify;
        var receivedAt = DateTimeOffset.UtcNow;
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        // If the store fails, the reader must not wait forever for room in the channel.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        BuiltMessage Build(MappedRow row, string messageId)
        {
            if (row.FirstVersion is { } first && messageId == row.RecordId)
            {
                return first;
            }

            var parsed = parser.Parse(WithMessageId(row.Body, messageId), type, receivedAt);
            return parsed.Accepted is [var message] ? new BuiltMessage(message, null) : new BuiltMessage(null, parsed.Rejected[0]);
        }

        async Task ProduceAsync()
        {
            var batch = new Batch();
            var index = 0;
            while (reader.Read())
            {
                stop.Token.ThrowIfCancellationRequested();
                var quarantineId = quarantineIds?[index++];
                var (row, error) = reader.Broken is { } broken ? ((MappedRow?)null, new RowError("row", broken)) : mapper.Map(reader);
                if (row is not null && suppression?.Drops(row.Body, source) == true)
                {
                    batch.Suppressed++;
                }
                else if (row is not null)
                {
                    var ready = row with { QuarantineId = quarantineId };
                    batch.Rows.Add(ready with { FirstVersion = Build(ready, ready.RecordId) });
                }
                else
                {
                    var json = reader.RowJson();
                    if (suppression is { Active: true } && suppression.DropsRaw(json, source))
                    {
                        batch.Suppressed++;
                    }
                    else
                    {
                        batch.Quarantined.Add(new QuarantinedRow(reader.Line, null, error!.Column, error.Reason, json) { QuarantineId = quarantineId });
                    }
                }

                if (batch.Count >= batchSize)
                {
                    await batches.Writer.WriteAsync(batch, stop.Token);
                    batch = new Batch();
                }
            }

            await batches.Writer.WriteAsync(batch, stop.Token);
        }

        var producer = Task.Run(async () =>
        {
            try
            {
                await ProduceAsync();
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, stop.Token);

        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                var counts = await store.AppendImportAsync(sourceId, summary.ImportId, batch.Rows, Build, batch.Quarantined, cancellationToken);
                summary = summary.Add(counts, batch.Count).AddSuppressed(batch.Suppressed) with { Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
                progress?.Report(summary);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }

        await producer;
        return summary with { Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
    }

    private sealed class Batch
    {
        public List<MappedRow> Rows { get; } = [];

        public List<QuarantinedRow> Quarantined { get; } = [];

        public int Suppressed { get; set; }

        public int Count => Rows.Count + Quarantined.Count;
    }

    /// <summary>Puts the message id first in a body that starts with '{'.</summary>
    private static ReadOnlyMemory<byte> WithMessageId(byte[] body, string messageId)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + messageId.Length + 24);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", messageId);
            writer.Flush();
        }

        buffer.Write(",\""u8);
        buffer.Write(body.AsSpan(2));
        return buffer.WrittenMemory;
    }
}

/// <summary>The file as a whole cannot be imported with this mapping (a missing column, say); nothing was written.</summary>
public sealed class ImportException(string message) : Exception(message);
