using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Sightline.Core.Events;

namespace Sightline.Core.Import;

/// <summary>
/// Streams a file through a mapping into the event log, a batch at a time: memory stays flat however large the
/// file, every row read ends up imported, updated, unchanged or quarantined, and a bad row never stops the rest.
/// </summary>
public sealed class Importer(IImportStore store, MessageParser parser, int batchSize = 5_000)
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

    private async Task<ImportSummary> RunRowsAsync(
        RowReader reader, RowMapper mapper, ImportMapping mapping, long sourceId, ImportSummary summary, long[]? quarantineIds,
        IProgress<ImportSummary>? progress, long started, CancellationToken cancellationToken)
    {
        var type = mapping.Type == "track" ? MessageType.Track : MessageType.Identify;
        var rows = new List<MappedRow>(batchSize);
        var quarantined = new List<QuarantinedRow>();
        var receivedAt = DateTimeOffset.UtcNow;
        var index = 0;

        BuiltMessage Build(MappedRow row, string messageId)
        {
            var parsed = parser.Parse(WithMessageId(row.Body, messageId), type, receivedAt);
            return parsed.Accepted is [var message] ? new BuiltMessage(message, null) : new BuiltMessage(null, parsed.Rejected[0]);
        }

        async Task FlushAsync()
        {
            var read = rows.Count + quarantined.Count;
            var counts = await store.AppendImportAsync(sourceId, summary.ImportId, rows, Build, quarantined, cancellationToken);
            summary = summary.Add(counts, read) with { Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
            rows.Clear();
            quarantined.Clear();
            progress?.Report(summary);
        }

        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var quarantineId = quarantineIds?[index++];
            if (reader.Broken is { } broken)
            {
                quarantined.Add(new QuarantinedRow(reader.Line, null, "row", broken, reader.RowJson()) { QuarantineId = quarantineId });
            }
            else
            {
                var (row, error) = mapper.Map(reader);
                if (row is not null)
                {
                    rows.Add(row with { QuarantineId = quarantineId });
                }
                else
                {
                    quarantined.Add(new QuarantinedRow(reader.Line, null, error!.Column, error.Reason, reader.RowJson()) { QuarantineId = quarantineId });
                }
            }

            if (rows.Count + quarantined.Count >= batchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return summary with { Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
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
