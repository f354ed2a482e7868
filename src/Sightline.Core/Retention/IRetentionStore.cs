namespace Sightline.Core.Retention;

/// <summary>Deletes expired events from the log with what was derived from them, and keeps the record of each pass.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Looks at up to <paramref name="limit"/> events after <paramref name="afterSequence"/> that the pipeline has
    /// resolved, and in one transaction deletes those the policy says have expired, with their lineage, trait and
    /// consent rows. An expired event a profile's identity rests on (it created the profile, linked an identifier,
    /// merged, raised a match suggestion or carried person data) is kept, cut down to those facts.
    /// </summary>
    /// <param name="policy">The rules.</param>
    /// <param name="now">Ages are counted back from here.</param>
    /// <param name="afterSequence">Where the batch starts.</param>
    /// <param name="limit">Most events looked at.</param>
    /// <param name="dryRun">Count only; change nothing.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    Task<RetentionBatch> ApplyAsync(RetentionPolicy policy, DateTimeOffset now, long afterSequence, int limit, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Checkpoints and truncates the write-ahead logs, so deleted events are gone from the files too.</summary>
    Task ReclaimAsync(CancellationToken cancellationToken);

    /// <summary>Records a pass; returns its id.</summary>
    Task<long> RecordAsync(RetentionRun run, CancellationToken cancellationToken);

    /// <summary>Recorded passes, newest first.</summary>
    Task<IReadOnlyList<RetentionRun>> RunsAsync(int limit, CancellationToken cancellationToken);
}
