using Sightline.Core.Profiles;
using Sightline.Core.Retention;

namespace Sightline.Server.Retention;

/// <summary>
/// Runs retention passes with the configured rules, one at a time, for the schedule, the API and the CLI; in the
/// server each batch runs between two batches of the pipeline.
/// </summary>
public sealed class RetentionPasses(IRetentionStore store, RetentionOptions options, TimeProvider time, ProfilePipeline? pipeline = null) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public RetentionPolicy Policy { get; } = options.Policy();

    public RetentionOptions Options => options;

    /// <summary>Runs a pass now (after one already running); a dry run counts only.</summary>
    public async Task<RetentionRun> RunAsync(string trigger, bool dryRun, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            // The pipeline keeps its graph: a batch deletes no identity, merge or person data it holds.
            var run = await new RetentionPass(store, time).RunAsync(
                Policy, trigger, dryRun, options.BatchSize,
                work => pipeline is null ? work(cancellationToken) : pipeline.ExclusiveAsync(work, reload: false, cancellationToken),
                cancellationToken);
            if (run.Profiles.Count > 0)
            {
                pipeline?.EventsRemoved(run.Profiles);
            }

            return run;
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
