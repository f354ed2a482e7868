namespace Sightline.Core.Retention;

/// <summary>
/// One pass over the log: batch after batch, each run by <c>exclusive</c> (between two batches of the pipeline, in the
/// server) so ingestion and resolution wait at most one batch; then the freed pages are reclaimed and the pass recorded.
/// </summary>
/// <param name="store">Where events are deleted and passes recorded.</param>
/// <param name="time">The clock ages are counted from.</param>
public sealed class RetentionPass(IRetentionStore store, TimeProvider time)
{
    /// <summary>Runs the pass; a dry run counts what it would do, changes nothing and is not recorded.</summary>
    /// <param name="policy">The rules; none means nothing to do.</param>
    /// <param name="trigger"><c>schedule</c> or who asked.</param>
    /// <param name="dryRun">Count only.</param>
    /// <param name="batchSize">Events looked at per batch (one transaction each).</param>
    /// <param name="exclusive">Runs one batch when it is safe to.</param>
    /// <param name="cancellationToken">Stops between batches; what is done stays done.</param>
    public async Task<RetentionRun> RunAsync(
        RetentionPolicy policy, string trigger, bool dryRun, int batchSize,
        Func<Func<CancellationToken, Task<RetentionBatch>>, Task<RetentionBatch>> exclusive, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var totals = new Dictionary<(string Source, string Type), RetentionCount>();
        var profiles = new HashSet<long>();
        var after = 0L;
        while (policy.Rules.Count > 0)
        {
            var from = after;
            var batch = await exclusive(ct => store.ApplyAsync(policy, started, from, batchSize, dryRun, ct));
            foreach (var count in batch.Counts)
            {
                totals[(count.Source, count.Type)] = totals.TryGetValue((count.Source, count.Type), out var sum)
                    ? sum with { Deleted = sum.Deleted + count.Deleted, Minimized = sum.Minimized + count.Minimized }
                    : count;
            }

            profiles.UnionWith(batch.Profiles ?? []);
            after = batch.LastSequence;
            if (batch.Done)
            {
                break;
            }
        }

        var run = new RetentionRun
        {
            Trigger = trigger,
            DryRun = dryRun,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Counts = [.. totals.Values.OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Type, StringComparer.Ordinal)],
            Profiles = profiles,
        };
        if (dryRun)
        {
            return run;
        }

        if (run.Deleted + run.Minimized > 0)
        {
            await exclusive(async ct =>
            {
                await store.ReclaimAsync(ct);
                return new RetentionBatch(after, true, []);
            });
        }

        return run with { Id = await store.RecordAsync(run, cancellationToken) };
    }
}
