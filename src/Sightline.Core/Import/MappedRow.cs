namespace Sightline.Core.Import;

/// <summary>
/// One row as a message body (JSON without its messageId, which depends on whether the record is new), with a
/// hash of what it says, so an unchanged row is recognized on re-import.
/// </summary>
public sealed record MappedRow(string RecordId, long Line, byte[] Hash, byte[] Body)
{
    /// <summary>Set when the row is a retried quarantine entry, which goes once the row is in the log.</summary>
    public long? QuarantineId { get; init; }

    /// <summary>The row's message as a first version (message id = record id), built ahead of the store.</summary>
    public BuiltMessage? FirstVersion { get; init; }
}

/// <summary>Why a row cannot be imported: the column (or mapping field) at fault and the reason.</summary>
public sealed record RowError(string Column, string Reason);
