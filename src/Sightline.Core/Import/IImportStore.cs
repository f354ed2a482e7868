using Sightline.Core.Events;

namespace Sightline.Core.Import;

/// <summary>Where imports write: the event log, the latest version of each record, and the quarantine.</summary>
public interface IImportStore
{
    /// <summary>Records the start of an import of <paramref name="file"/> with its mapping (as JSON) and returns its id.</summary>
    Task<long> StartImportAsync(long sourceId, string file, string mappingJson, CancellationToken cancellationToken);

    /// <summary>
    /// In one durable transaction: appends each new or changed row as a message (built by <paramref name="message"/>
    /// with the message id it gets: the record id, or <c>record id#vN</c> for its N-th version), skips unchanged
    /// rows, and keeps the quarantined ones. Rows are taken in order, so a record twice in one file ends as its last row.
    /// </summary>
    Task<ImportCounts> AppendImportAsync(
        long sourceId, long importId, IReadOnlyList<MappedRow> rows, Func<MappedRow, string, BuiltMessage> message,
        IReadOnlyList<QuarantinedRow> quarantined, CancellationToken cancellationToken);

    /// <summary>The mapping (as JSON) of the source's most recent import, or null when it has none.</summary>
    Task<string?> LastMappingAsync(long sourceId, CancellationToken cancellationToken);

    /// <summary>An import's source, file and mapping, or null when there is no such import.</summary>
    Task<ImportRecord?> FindImportAsync(long importId, CancellationToken cancellationToken);

    /// <summary>Quarantined rows of files (not HTTP rejections): those of one import, or those with the given ids.</summary>
    Task<IReadOnlyList<StoredQuarantineRow>> QuarantinedRowsAsync(long? importId, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Deletes quarantined rows (or messages) for good; returns how many there were.</summary>
    Task<int> DiscardAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Stores an import's final counts.</summary>
    Task FinishImportAsync(long importId, ImportSummary summary, CancellationToken cancellationToken);
}

/// <summary>A row's message, or why the message parser refused it (a limit, say).</summary>
public sealed record BuiltMessage(EventMessage? Message, Rejection? Rejection);

/// <summary>
/// A row that cannot be imported, with where it was and the row itself (column → text) for a later retry.
/// <see cref="QuarantineId"/> is set when a retried row fails again: its entry is updated, not duplicated.
/// </summary>
public sealed record QuarantinedRow(long Line, string? RecordId, string Column, string Reason, byte[] Row)
{
    public long? QuarantineId { get; init; }
}

/// <summary>An import as stored: its source, file and the mapping it used (JSON).</summary>
public sealed record ImportRecord(long Id, long SourceId, string File, string Mapping);

/// <summary>A quarantined file row as stored, to map again.</summary>
public sealed record StoredQuarantineRow(long Id, long ImportId, long Line, byte[] Row);

/// <summary>What one batch did.</summary>
public sealed record ImportCounts(int Imported, int Updated, int Unchanged, int Quarantined);
