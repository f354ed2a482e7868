using System.Threading.Channels;
using Sightline.Core.Storage;

namespace Sightline.Core.Events;

/// <summary>
/// Group commit: requests queue their messages here and wait; a single writer drains whatever has
/// queued into one transaction, so concurrent requests share the cost of a durable commit.
/// A request is answered only after the transaction holding its messages has committed.
/// </summary>
/// <param name="log">The log to append to.</param>
/// <param name="maxEventsPerCommit">Most messages in one transaction.</param>
/// <param name="committed">Called after each commit that stored messages (the pipeline's wake-up).</param>
public sealed class EventLogWriter(IEventLog log, int maxEventsPerCommit = 20_000, Action? committed = null)
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(8192) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>
    /// Queues messages and rejections for the next commit and completes once they are durable.
    /// The token only stops the wait for queue space: once queued, a commit is not abandoned.
    /// </summary>
    public async Task AppendAsync(long? sourceId, IReadOnlyList<EventMessage> accepted, IReadOnlyList<Rejection> rejected, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0 && rejected.Count == 0)
        {
            return;
        }

        if (accepted.Count > 0 && sourceId is null)
        {
            throw new ArgumentException("Accepted messages need a source.", nameof(sourceId));
        }

        var pending = new Pending(sourceId, accepted, rejected, receivedAt);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Committed.Task;
    }

    /// <summary>Runs the writer until <see cref="Complete"/> is called and the queue is drained.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var group = new List<Pending>();
        var entries = new List<LogEntry>();
        var quarantine = new List<QuarantineEntry>();
        while (await _queue.Reader.WaitToReadAsync(cancellationToken))
        {
            group.Clear();
            entries.Clear();
            quarantine.Clear();
            while (entries.Count < maxEventsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                foreach (var message in pending.Accepted)
                {
                    entries.Add(new LogEntry(pending.SourceId!.Value, message));
                }

                foreach (var rejection in pending.Rejected)
                {
                    quarantine.Add(new QuarantineEntry(pending.SourceId, pending.ReceivedAt, rejection));
                }
            }

            try
            {
                // Not the caller's token: a commit under way finishes so that no waiter is left unsure.
                await log.AppendAsync(entries, quarantine, CancellationToken.None);
                foreach (var pending in group)
                {
                    pending.Committed.TrySetResult();
                }

                if (entries.Count > 0)
                {
                    committed?.Invoke();
                }
            }
#pragma warning disable CA1031 // Every waiter must hear of the failure; the writer keeps going for later requests.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var pending in group)
                {
                    pending.Committed.TrySetException(e);
                }
            }
        }
    }

    /// <summary>Stops accepting new appends; <see cref="RunAsync"/> returns once the queue is drained.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private sealed record Pending(long? SourceId, IReadOnlyList<EventMessage> Accepted, IReadOnlyList<Rejection> Rejected, DateTimeOffset ReceivedAt)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
