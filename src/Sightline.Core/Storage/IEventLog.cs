namespace Sightline.Core.Storage;

/// <summary>The append-only event log: the source of truth everything else is derived from.</summary>
public interface IEventLog
{
    /// <summary>
    /// Commits messages and quarantined rejections in one durable transaction. A message whose
    /// (source, message id) is already in the log is skipped, so retries never store twice.
    /// Returns how many messages were new.
    /// </summary>
    Task<int> AppendAsync(IReadOnlyList<LogEntry> entries, IReadOnlyList<QuarantineEntry> quarantine, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="limit"/> events with a sequence number above <paramref name="afterSequence"/>, in log order.</summary>
    Task<IReadOnlyList<LoggedEvent>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync(long, int, CancellationToken)"/>, with the payloads opened into <paramref name="payloads"/>
    /// (reset first): the events are valid until the buffer is read into again.
    /// </summary>
    /// <param name="afterSequence">Events after this sequence number.</param>
    /// <param name="limit">Most events to read.</param>
    /// <param name="payloads">Where the payloads go.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<IReadOnlyList<LoggedEvent>> ReadAsync(long afterSequence, int limit, PayloadBuffer payloads, CancellationToken cancellationToken) =>
        ReadAsync(afterSequence, limit, cancellationToken);
}
