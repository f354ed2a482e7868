using System.Text.Json;
using Sightline.Core.Identity;
using Sightline.Core.Storage;

namespace Sightline.Core.Profiles;

/// <summary>
/// Reads the event log in order and keeps the identity graph and profiles in step with it. The graph is
/// held in memory (loaded from the store at start) and every batch of changes is committed with its
/// checkpoint in one transaction.
/// </summary>
/// <param name="log">The event log it reads, in order.</param>
/// <param name="store">Where derived state and the checkpoint are committed.</param>
/// <param name="resolver">Deterministic identity resolution.</param>
/// <param name="extractor">Reads identifiers from messages.</param>
/// <param name="batchSize">Most events per commit: under load, bigger commits rewrite the same hot index pages less often (2,000 → 10,000 took a rebuild from 66,000 to 79,000 events/s).</param>
public sealed class ProfilePipeline(IEventLog log, IProfileStore store, IdentityResolver resolver, IdentifierExtractor extractor, int batchSize = 10_000) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0);
    private long _processed;

    /// <summary>The sequence number of the last event whose changes are committed.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Tells the pipeline new events were committed, so it need not wait for its next poll.</summary>
    public void Notify()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Processes events until <paramref name="cancellationToken"/> fires (or, with <paramref name="untilCaughtUp"/>, until the log's end).</summary>
    public async Task RunAsync(bool untilCaughtUp, CancellationToken cancellationToken)
    {
        var graph = new InMemoryIdentityGraph();
        await store.LoadGraphAsync(graph, cancellationToken);
        Interlocked.Exchange(ref _processed, await store.CheckpointAsync(cancellationToken));
        while (!cancellationToken.IsCancellationRequested)
        {
            var events = await log.ReadAsync(Processed, batchSize, cancellationToken);
            if (events.Count == 0)
            {
                if (untilCaughtUp)
                {
                    return;
                }

                await _wake.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
                continue;
            }

            var changes = Process(graph, events);
            await store.CommitAsync(changes, cancellationToken);
            Interlocked.Exchange(ref _processed, changes.Checkpoint);
        }
    }

    /// <summary>Resolves each event against the graph (changing it) and collects what to store.</summary>
    public ProfileChanges Process(InMemoryIdentityGraph graph, IReadOnlyList<LoggedEvent> events)
    {
        var changes = new ProfileChanges();
        foreach (var logged in events)
        {
            using var document = JsonDocument.Parse(logged.Json);
            var message = document.RootElement;
            var resolution = resolver.Resolve(graph, logged.Sequence, extractor.Extract(message), IdentifierExtractor.PreviousId(message));
            if (resolution.Created)
            {
                changes.Created.Add(resolution.Profile);
            }

            changes.Links.AddRange(resolution.Linked.Select(i => (i, resolution.Profile, logged.Sequence)));
            changes.Merges.AddRange(resolution.Merges.Select(m => (m, logged.Sequence)));
            changes.Blocked.AddRange(resolution.Blocked.Select(b => (b, logged.Sequence)));
            changes.Events.Add((logged.Sequence, resolution.Profile));
            foreach (var traits in (ReadOnlySpan<JsonElement?>)[Traits(message), Traits(message.TryGetProperty("context", out var c) ? c : null)])
            {
                if (traits is { } found)
                {
                    foreach (var trait in found.EnumerateObject())
                    {
                        changes.Traits.Add(new TraitObservation(resolution.Profile, trait.Name, trait.Value.GetRawText(), logged.Sequence, logged.Timestamp));
                    }
                }
            }

            changes.Checkpoint = logged.Sequence;
        }

        return changes;
    }

    public void Dispose() => _wake.Dispose();

    private static JsonElement? Traits(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("traits", out var traits) && traits.ValueKind == JsonValueKind.Object ? traits : null;
}
