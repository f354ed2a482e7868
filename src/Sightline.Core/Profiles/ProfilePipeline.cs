using System.Collections.Concurrent;
using System.Text.Json;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Identity;
using Sightline.Core.Consent;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Privacy;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Core.Profiles;

/// <summary>
/// Reads the event log in order and keeps the identity graph and profiles in step with it. The graph and the
/// person data the matcher compares are held in memory (loaded from the store at start) and every batch of
/// changes is committed with its checkpoint in one transaction.
/// </summary>
/// <param name="log">The event log it reads, in order.</param>
/// <param name="store">Where derived state and the checkpoint are committed.</param>
/// <param name="sources">The sources, for each one's identifier settings.</param>
/// <param name="rules">The merge rules identity resolution follows.</param>
/// <param name="extractor">Reads identifiers from messages.</param>
/// <param name="matching">Thresholds of the probabilistic matcher.</param>
/// <param name="batchSize">Most events per commit: under load, bigger commits rewrite the same hot index pages less often (2,000 → 10,000 took a rebuild from 66,000 to 79,000 events/s).</param>
/// <param name="suppression">Erased people's identifiers: an event carrying one is deleted from the log, not resolved.</param>
/// <param name="privacy">Where such events are deleted.</param>
/// <param name="observers">Views kept in step with each commit (the search index).</param>
/// <param name="segments">Computed traits and segment memberships, kept with each batch; null to keep neither.</param>
/// <param name="time">The clock segments are evaluated by.</param>
public sealed class ProfilePipeline(
    IEventLog log, IProfileStore store, ISourceCatalog sources, MergeRules rules, IdentifierExtractor extractor, MatchSettings matching, int batchSize = 10_000,
    SuppressionList? suppression = null, IPrivacyStore? privacy = null, IEnumerable<IProfileObserver>? observers = null,
    SegmentRuntime? segments = null, TimeProvider? time = null) : IDisposable
{
    private static readonly TimeSpan VersionCheck = TimeSpan.FromSeconds(2);
    // How long the API's computed traits may lag the rest of a profile while the pipeline works through a backlog.
    private static readonly TimeSpan ComputedStoreInterval = TimeSpan.FromSeconds(5);
    private readonly IProfileObserver[] _observers = [.. observers ?? []];
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private int _segmentsChanged;
    private bool _caughtUp;
    private string? _segmentVersion;
    private DateTimeOffset _versionCheckedAt;
    private DateTimeOffset _nextRefresh;
    private DateTimeOffset _computedStoredAt;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentQueue<(Func<CancellationToken, Task> Work, bool Reload)> _exclusive = new();
    private int _running;
    private readonly ConcurrentDictionary<(ProfileId, ProfileId), bool> _separations = new();
    private long _processed;
    // The last event resolved in memory, ahead of _processed while its batch commits.
    private long _position;
    // The previous batch's store work (drops, commit, observers), still running while the next batch is resolved.
    private Task _committing = Task.CompletedTask;
    // The next batch, read while this one is resolved when the pipeline is behind; null when none is under way.
    private (long After, Task<IReadOnlyList<LoggedEvent>> Events)? _prefetch;
    // Reads take turns with two buffers: a batch is resolved from one while the next is read into the other.
    private readonly PayloadBuffer[] _payloads = [new(), new()];
    private int _payloadTurn;
    private int _rebuildRequested;
    private int _approvalsWaiting;
    private readonly ConcurrentQueue<long> _eventsRemoved = new();
    private Dictionary<string, Source> _sources = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Asks the pipeline to drop its derived state and resolve the whole log again, as after an unmerge:
    /// the recorded splits then hold for every event, and profile ids come out the same.
    /// </summary>
    public void RequestRebuild()
    {
        Interlocked.Exchange(ref _rebuildRequested, 1);
        Notify();
    }

    /// <summary>Tells the pipeline a suggested match was approved (and stored), so it merges the two now.</summary>
    public void ApprovalRecorded()
    {
        Interlocked.Exchange(ref _approvalsWaiting, 1);
        Notify();
    }

    /// <summary>Tells the pipeline segments were created, changed or deleted, so it evaluates them now.</summary>
    public void SegmentsChanged()
    {
        Interlocked.Exchange(ref _segmentsChanged, 1);
        Notify();
    }

    /// <summary>
    /// Tells the pipeline events of these profiles were deleted or cut down behind its back (a retention pass): the
    /// segment engine loads what they hold again, and their computed traits are built again from what is left.
    /// </summary>
    public void EventsRemoved(IEnumerable<long> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        foreach (var profile in profiles)
        {
            _eventsRemoved.Enqueue(profile);
        }

        Notify();
    }

    /// <summary>Tells the pipeline a suggested match was rejected (and stored as a split): the two are never merged or suggested again.</summary>
    public void SeparationRecorded(ProfileId a, ProfileId b) => _separations[(a, b)] = true;

    /// <summary>
    /// Runs <paramref name="work"/> on the stored state while the pipeline waits between two batches, then reloads what
    /// it holds in memory (an erasure deletes profiles the graph and the match index still hold). Without a running
    /// pipeline (an ingest-only node, the CLI) the work runs at once.
    /// </summary>
    public Task<T> ExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        ExclusiveAsync(work, reload: true, cancellationToken);

    /// <summary>
    /// As <see cref="ExclusiveAsync{T}(Func{CancellationToken, Task{T}}, CancellationToken)"/>; with <paramref name="reload"/>
    /// false the pipeline keeps what it holds in memory, for work that leaves the graph and the person data as they were
    /// (a retention batch): reloading them takes longer than the batch.
    /// </summary>
    /// <param name="work">What to run on the stored state.</param>
    /// <param name="reload">Whether the pipeline reloads its graph and match index from the store afterwards.</param>
    /// <param name="cancellationToken">Stops waiting for the pipeline.</param>
    public async Task<T> ExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, bool reload, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _running) == 0)
        {
            return await work(cancellationToken);
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _exclusive.Enqueue((async ct =>
        {
            try
            {
                done.TrySetResult(await work(ct));
            }
#pragma warning disable CA1031 // The caller hears of the failure; the pipeline goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.TrySetException(e);
            }
        }, reload));
        Notify();
        return await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Processes events until <paramref name="cancellationToken"/> fires (or, with <paramref name="untilCaughtUp"/>, until the log's end).</summary>
    public async Task RunAsync(bool untilCaughtUp, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await RunLoopAsync(untilCaughtUp, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private async Task RunLoopAsync(bool untilCaughtUp, CancellationToken cancellationToken)
    {
        try
        {
            await ResolveLoopAsync(untilCaughtUp, cancellationToken);
        }
        finally
        {
            await QuietAsync();
        }
    }

    /// <summary>
    /// Before work on the store outside the batches (an erasure, a reload, segment definitions): the previous batch is
    /// committed and a batch read ahead is dropped, since that work may delete what it holds.
    /// </summary>
    private async Task QuietAsync()
    {
        if (_prefetch is { } prefetch)
        {
            _prefetch = null;
            await QuietReadAsync(prefetch.Events);
        }

        await DrainAsync();
    }

    private async Task<IReadOnlyList<LoggedEvent>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_prefetch is { } prefetch)
        {
            _prefetch = null;
            if (prefetch.After == _position)
            {
                return await prefetch.Events;
            }

            // Done with before its buffer's turn comes round again.
            await QuietReadAsync(prefetch.Events);
        }

        return await log.ReadAsync(_position, batchSize, NextPayloads(), cancellationToken);
    }

    /// <summary>
    /// The buffer for the next read: not the last read's, whose batch may be the one resolving now, but the one before,
    /// whose batch is done with (resolving is all that reads payloads).
    /// </summary>
    private PayloadBuffer NextPayloads()
    {
        _payloadTurn ^= 1;
        return _payloads[_payloadTurn];
    }

    private static async Task QuietReadAsync(Task<IReadOnlyList<LoggedEvent>> read)
    {
        try
        {
            await read;
        }
        catch (OperationCanceledException)
        {
            // Stopping: nothing to keep.
        }
    }

    /// <summary>Waits for the previous batch's store work: whatever reads or writes the store besides a batch's commit goes after it.</summary>
    private async Task DrainAsync()
    {
        var committing = _committing;
        _committing = Task.CompletedTask;
        await committing;
    }

    private async Task ResolveLoopAsync(bool untilCaughtUp, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_exclusive.IsEmpty)
            {
                await QuietAsync();
                var reload = false;
                while (_exclusive.TryDequeue(out var item))
                {
                    await item.Work(cancellationToken);
                    reload |= item.Reload;
                }

                if (reload)
                {
                    state = await LoadAsync(cancellationToken);
                }
            }

            if (Interlocked.Exchange(ref _rebuildRequested, 0) == 1)
            {
                await QuietAsync();
                await store.ResetAsync(cancellationToken);
                state = await LoadAsync(cancellationToken);
            }

            if (segments is { Engine.NeedsReload: true })
            {
                // A preview or a new segment filters events whose properties were not kept.
                await QuietAsync();
                await LoadSegmentsAsync(segments, Processed, cancellationToken);
            }

            if (!_eventsRemoved.IsEmpty && segments is not null)
            {
                await QuietAsync();
                await ReloadProfilesAsync(state, segments, cancellationToken);
            }

            if (Interlocked.Exchange(ref _approvalsWaiting, 0) == 1)
            {
                await QuietAsync();
                await ApplyApprovalsAsync(state, cancellationToken);
            }

            if (_caughtUp && segments is not null)
            {
                await SegmentWorkAsync(state, segments, cancellationToken);
            }

            var events = await ReadAsync(cancellationToken);
            if (events.Count == 0 && _caughtUp && segments is { Engine.Sweeping: true })
            {
                await SweepAloneAsync(state, segments, cancellationToken);
                continue;
            }

            if (events.Count == 0)
            {
                // Whoever waits for Processed while the log is idle waits for this.
                await DrainAsync();
                if (segments is { Engine.HoldsComputed: true })
                {
                    // A backlog that ended on a batch's edge: the states its batches held back are stored now.
                    var held = new ProfileChanges { Checkpoint = _position };
                    segments.Engine.Collect(held, _time.GetUtcNow(), evaluate: false);
                    await StoreAsync(held, ([], []), Touched(state, held), [], cancellationToken);
                }

                if (!_caughtUp)
                {
                    // Once more round the loop: segments wait for the end of a backlog (a rebuild) to evaluate.
                    _caughtUp = true;
                    continue;
                }

                if (untilCaughtUp)
                {
                    return;
                }

                await _wake.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
                continue;
            }

            if (events.Any(e => !_sources.ContainsKey(e.Source)))
            {
                _sources = (await sources.ListAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
            }

            if (events.Count == batchSize)
            {
                // Behind: the next batch is read while this one is resolved.
                var after = events[^1].Sequence;
                var payloads = NextPayloads();
                _prefetch = (after, Task.Run(() => log.ReadAsync(after, batchSize, payloads, cancellationToken), CancellationToken.None));
            }

            var changes = Process(state, events);
            _caughtUp = events.Count < batchSize;
            var now = _time.GetUtcNow();
            // A sweep under way goes on a slice per batch, stored with it.
            var decided = _caughtUp && segments is not null ? segments.Engine.Sweep(changes, now) : [];

            segments?.Engine.Collect(changes, now, evaluate: _caughtUp && Volatile.Read(ref _segmentsChanged) == 0, holdComputed: HoldComputed(now));
            // What the store work needs of the graph is read now: the next batch changes the graph while this one commits.
            var minimize = (Sequences: (IReadOnlyList<long>)[], Profiles: (IReadOnlyList<ProfileId>)[]);
            if (privacy is not null && (changes.Minimized.Count > 0 || changes.Withdrawn.Count > 0))
            {
                // The batch's own events of a withdrawn profile are not in the store yet, so they are named here.
                var withdrawn = changes.Withdrawn.Select(state.Graph.Canonical).ToHashSet();
                var batch = changes.Events.Where(e => withdrawn.Contains(state.Graph.Canonical(e.Profile))).Select(e => e.Sequence);
                minimize = ([.. changes.Minimized.Concat(batch).Distinct()], [.. withdrawn]);
            }

            var touched = Touched(state, changes);
            await DrainAsync();
            // The store work of this batch runs while the pipeline resolves the next one; batches still commit in order.
            _committing = Task.Run(() => StoreAsync(changes, minimize, touched, decided, cancellationToken), CancellationToken.None);
        }
    }

    /// <summary>
    /// Whether this batch's changed computed states stay in memory (<see cref="SegmentEngine.Collect"/>): only while the
    /// pipeline is behind, for at most <see cref="ComputedStoreInterval"/>, and not when work that reloads from the
    /// store is waiting.
    /// </summary>
    private bool HoldComputed(DateTimeOffset now)
    {
        if (!_caughtUp && now - _computedStoredAt < ComputedStoreInterval && _exclusive.IsEmpty && _eventsRemoved.IsEmpty
            && Volatile.Read(ref _rebuildRequested) == 0 && Volatile.Read(ref _approvalsWaiting) == 0)
        {
            return true;
        }

        _computedStoredAt = now;
        return false;
    }

    /// <summary>
    /// While the log is idle, a slice of the sweep under way, stored like a batch: evaluated while the one before
    /// commits, it moves no checkpoint.
    /// </summary>
    private async Task SweepAloneAsync(PipelineState state, SegmentRuntime runtime, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var changes = new ProfileChanges { Checkpoint = _position };
        var decided = runtime.Engine.Sweep(changes, now);
        runtime.Engine.Collect(changes, now, evaluate: false);
        var touched = Touched(state, changes);
        await DrainAsync();
        _committing = Task.Run(() => StoreAsync(changes, ([], []), touched, decided, cancellationToken), CancellationToken.None);
    }

    /// <summary>
    /// Stores a resolved batch: what privacy asks first, then the changes with their checkpoint, then tells the observers,
    /// and the segment engine which segments are now <paramref name="decided"/> for every profile.
    /// </summary>
    private async Task StoreAsync(
        ProfileChanges changes, (IReadOnlyList<long> Sequences, IReadOnlyList<ProfileId> Profiles) minimize, ProfileBatch? touched, IReadOnlyCollection<long> decided, CancellationToken cancellationToken)
    {
        if (changes.Dropped.Count > 0)
        {
            // Before the checkpoint passes them: a crash in between leaves them to be dropped again.
            await privacy!.DropAsync(changes.Dropped, cancellationToken);
        }

        if (minimize.Sequences.Count > 0 || minimize.Profiles.Count > 0)
        {
            // Also before the checkpoint, for the same reason.
            await privacy!.MinimizeAsync(minimize.Sequences, minimize.Profiles, cancellationToken);
        }

        await store.CommitAsync(changes, cancellationToken);
        // Observers hear of the batch before Processed moves, so whoever waits for Processed also sees their work queued.
        await NotifyAsync(touched, cancellationToken);
        if (decided.Count > 0)
        {
            segments!.Engine.Decided(decided);
        }

        Interlocked.Exchange(ref _processed, changes.Checkpoint);
    }

    private Task NotifyAsync(PipelineState state, ProfileChanges changes, CancellationToken cancellationToken) =>
        NotifyAsync(Touched(state, changes), cancellationToken);

    private async Task NotifyAsync(ProfileBatch? batch, CancellationToken cancellationToken)
    {
        if (batch is null)
        {
            return;
        }

        foreach (var observer in _observers)
        {
            await observer.CommittedAsync(batch, cancellationToken);
        }
    }

    /// <summary>The profiles a batch touched, as the observers hear of them; null when there are no observers or nothing changed.</summary>
    private ProfileBatch? Touched(PipelineState state, ProfileChanges changes)
    {
        if (_observers.Length == 0 || changes.IsEmpty)
        {
            return null;
        }

        var touched = new HashSet<ProfileId>();
        foreach (var (_, profile) in changes.Events)
        {
            touched.Add(state.Graph.Canonical(profile));
        }

        foreach (var (merge, _) in changes.Merges)
        {
            touched.Add(state.Graph.Canonical(merge.Into));
        }

        foreach (var change in changes.Memberships.Where(c => state.Graph.Canonical(c.Profile) == c.Profile))
        {
            touched.Add(change.Profile);
        }

        var described = new HashSet<ProfileId>();
        foreach (var (identifier, profile, _) in changes.Links)
        {
            // A new anonymous id, device or user id is found by its exact value in the store, not through a search index.
            if (identifier.Type is IdentifierTypes.Email or IdentifierTypes.Phone)
            {
                described.Add(state.Graph.Canonical(profile));
            }
        }

        foreach (var (merge, _) in changes.Merges)
        {
            described.Add(state.Graph.Canonical(merge.Into));
        }

        foreach (var trait in changes.Traits)
        {
            // Any person trait, even a value sent before: from a more trusted source it can change which value survives.
            if (PersonTraits.Names.Contains(trait.Name))
            {
                described.Add(state.Graph.Canonical(trait.Profile));
            }
        }

        return new ProfileBatch(changes.Checkpoint, touched, [.. changes.Merges.Select(m => m.Merge.From)], described);
    }

    /// <summary>Resolves each event against the graph (changing it) and collects what to store.</summary>
    private ProfileChanges Process(PipelineState state, IReadOnlyList<LoggedEvent> events)
    {
        var changes = new ProfileChanges();
        foreach (var logged in events)
        {
            using var document = JsonDocument.Parse(logged.Json);
            var message = document.RootElement;
            var identifiers = extractor.Extract(message, _sources.GetValueOrDefault(logged.Source));
            if (privacy is not null && suppression is { Count: > 0 } && suppression.AnySuppressed(identifiers))
            {
                changes.Dropped.Add(logged.Sequence);
                changes.Checkpoint = logged.Sequence;
                continue;
            }

            var resolution = state.Resolver.Resolve(
                state.Graph, logged.Sequence, identifiers, IdentifierExtractor.PreviousId(message), HouseholdCheck(state, message, identifiers));
            if (resolution.Created)
            {
                changes.Created.Add(resolution.Profile);
            }

            // Indexed, not foreach: an interface's enumerator is an allocation per event.
            for (var i = 0; i < resolution.Linked.Count; i++)
            {
                changes.Links.Add((resolution.Linked[i], resolution.Profile, logged.Sequence));
            }

            for (var i = 0; i < resolution.Blocked.Count; i++)
            {
                changes.Blocked.Add((resolution.Blocked[i], logged.Sequence));
            }

            changes.Events.Add((logged.Sequence, resolution.Profile));
            for (var i = 0; i < resolution.Merges.Count; i++)
            {
                var merge = resolution.Merges[i];
                changes.Merges.Add((merge, logged.Sequence));
                state.Index.Merge(merge.From, merge.Into);
                segments?.Engine.Merge(merge.From, merge.Into, _time.GetUtcNow());
            }

            var effect = segments?.Engine.Observe(resolution.Profile, logged, message, _sources.GetValueOrDefault(logged.Source)) ?? ConsentEffect.None;
            if (effect.HasFlag(ConsentEffect.Minimize))
            {
                changes.Minimized.Add(logged.Sequence);
            }

            if (effect.HasFlag(ConsentEffect.Withdrawn))
            {
                changes.Withdrawn.Add(resolution.Profile);
            }

            var person = state.Index.Get(resolution.Profile);
            var personChanged = false;
            foreach (var traits in (ReadOnlySpan<JsonElement?>)[Traits(message), Traits(message.TryGetProperty("context"u8, out var c) ? c : null)])
            {
                if (traits is { } found)
                {
                    foreach (var trait in found.EnumerateObject())
                    {
                        changes.Traits.Add(new TraitObservation(resolution.Profile, trait.Name, trait.Value.GetRawText(), logged.Sequence, logged.Timestamp, logged.Source));
                    }

                    if (PersonTraits.Overlay(person, resolution.Profile.ToString(), found) is { } updated)
                    {
                        person = updated;
                        personChanged = true;
                    }
                }
            }

            foreach (var (purpose, granted) in ConsentPurposes.Read(message))
            {
                changes.Consents.Add(new ConsentObservation(resolution.Profile, purpose, granted, logged.Sequence, logged.Timestamp));
            }

            if (personChanged)
            {
                state.Index.Upsert(resolution.Profile, person!);
                Match(state, resolution.Profile, logged.Sequence, changes);
            }

            foreach (var approval in state.ApprovalsAfter.GetValueOrDefault(logged.Sequence) ?? [])
            {
                Apply(state, approval, logged.Sequence, changes);
            }

            changes.Checkpoint = logged.Sequence;
        }

        _position = changes.Checkpoint;
        return changes;
    }

    /// <summary>
    /// A phone is a household's as often as a person's (a landline; a family plan), and libphonenumber cannot tell
    /// fixed lines from mobiles in the US or Mexico. When the message names someone whose given name is clearly not
    /// that of the phone's holder, they are two people sharing a number. Null when the message carries no phone: then
    /// there is nothing to tell apart, and no closure to allocate for it.
    /// </summary>
    private static Func<ProfileId, Identifier, string?>? HouseholdCheck(PipelineState state, JsonElement message, IReadOnlyList<Identifier> identifiers)
    {
        for (var i = 0; i < identifiers.Count; i++)
        {
            if (identifiers[i].Type == IdentifierTypes.Phone)
            {
                return (holder, identifier) => Household(state, message, holder, identifier);
            }
        }

        return null;
    }

    // The message's person data is read only for a phone a known person holds: reading it for every message cost more
    // than the rest of resolving it.
    private static string? Household(PipelineState state, JsonElement message, ProfileId holder, Identifier identifier) =>
        identifier.Type == IdentifierTypes.Phone && state.Index.Get(holder) is { GivenName: not null } known
            && Incoming(message) is { GivenName: not null } incoming && Comparisons.DifferentGivenNames(incoming, known)
            ? $"{identifier} is shared by people with different given names (a household's number)"
            : null;

    /// <summary>The person data a message carries, in its traits and its context's.</summary>
    private static PersonRecord? Incoming(JsonElement message)
    {
        var incoming = (PersonRecord?)null;
        foreach (var traits in (ReadOnlySpan<JsonElement?>)[Traits(message), Traits(message.TryGetProperty("context"u8, out var context) ? context : null)])
        {
            if (traits is { } found)
            {
                incoming = PersonTraits.Overlay(incoming, "", found) ?? incoming;
            }
        }

        return incoming;
    }

    /// <summary>
    /// Compares a profile whose person data changed with its candidates: a match at or above the auto-merge
    /// threshold merges (unless a merge rule or a split forbids it), one above the review threshold is suggested.
    /// </summary>
    private void Match(PipelineState state, ProfileId profile, long sequence, ProfileChanges changes)
    {
        foreach (var candidate in state.Index.Candidates(profile))
        {
            var other = candidate.Profile;
            if (Separated(profile, other) || state.Graph.Canonical(other) == profile)
            {
                continue;
            }

            if (candidate.Evidence.Probability < matching.AutoMergeThreshold)
            {
                changes.Suggestions.Add(new MergeSuggestion(profile, other, candidate.Evidence, sequence));
            }
            else if (state.Resolver.WhyNotMerge(state.Graph, profile, other) is { } reason)
            {
                if (state.Reported.Add((Math.Min(profile.Value, other.Value), Math.Max(profile.Value, other.Value))))
                {
                    changes.Blocked.Add((new BlockedMerge(profile, other, MatchVia.Probabilistic, reason, candidate.Evidence), sequence));
                }
            }
            else
            {
                profile = Merge(state, profile, other, MatchVia.Probabilistic, candidate.Evidence, sequence, changes);
            }
        }
    }

    private ProfileId Merge(PipelineState state, ProfileId a, ProfileId b, Identifier via, MatchEvidence evidence, long sequence, ProfileChanges changes)
    {
        // The older profile survives, as in deterministic merges.
        var (from, into) = a.Value < b.Value ? (b, a) : (a, b);
        state.Graph.Merge(from, into);
        state.Index.Merge(from, into);
        segments?.Engine.Merge(from, into, _time.GetUtcNow());
        changes.Merges.Add((new ProfileMerge(from, into, via, evidence), sequence));
        return into;
    }

    private void Apply(PipelineState state, ApprovedMatch approval, long sequence, ProfileChanges changes)
    {
        var (a, b) = (state.Graph.Canonical(approval.Profile), state.Graph.Canonical(approval.Other));
        if (a == b || Separated(a, b))
        {
            return;
        }

        if (state.Resolver.WhyNotMerge(state.Graph, a, b) is { } reason)
        {
            changes.Blocked.Add((new BlockedMerge(a, b, MatchVia.Approved, reason, approval.Evidence), sequence));
        }
        else
        {
            Merge(state, a, b, MatchVia.Approved, approval.Evidence, sequence, changes);
        }
    }

    /// <summary>
    /// Merges the approvals recorded since the last look whose suggestion the pipeline has already passed; the others
    /// (in a rebuild) wait for the event that raised their suggestion.
    /// </summary>
    private async Task ApplyApprovalsAsync(PipelineState state, CancellationToken cancellationToken)
    {
        var changes = new ProfileChanges { Checkpoint = Processed };
        foreach (var approval in (await store.ApprovedMatchesAsync(cancellationToken)).Where(a => a.Id > state.LastApproval))
        {
            state.LastApproval = approval.Id;
            if (approval.AfterSequence <= Processed)
            {
                Apply(state, approval, approval.AfterSequence, changes);
            }
            else
            {
                state.Approve(approval);
            }
        }

        segments?.Engine.Collect(changes, _time.GetUtcNow(), evaluate: false);
        if (!changes.IsEmpty)
        {
            await store.CommitAsync(changes, cancellationToken);
            await NotifyAsync(state, changes, cancellationToken);
        }
    }

    /// <summary>
    /// Between batches, once caught up: puts changed segment definitions in force, which begins a sweep deciding them
    /// for every profile; on schedule, begins a sweep that expires computed-trait windows and decides again the segments
    /// that change with time alone. The sweeps go a slice at a time, with the batches (<see cref="SweepAloneAsync"/>).
    /// </summary>
    private async Task SegmentWorkAsync(PipelineState state, SegmentRuntime runtime, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var changed = Interlocked.Exchange(ref _segmentsChanged, 0) == 1;
        if (!changed && now - _versionCheckedAt >= VersionCheck)
        {
            _versionCheckedAt = now;
            changed = await runtime.Store.VersionAsync(cancellationToken) != _segmentVersion;
        }

        if (!changed && (now < _nextRefresh || !runtime.Engine.BeginRefresh()))
        {
            return;
        }

        await DrainAsync();
        var changes = new ProfileChanges { Checkpoint = Processed };
        if (changed)
        {
            _segmentVersion = await runtime.Store.VersionAsync(cancellationToken);
            var definitions = await runtime.Store.ListAsync(cancellationToken);
            runtime.Engine.KeepProperties(SegmentEngine.FilteredEvents(definitions));
            if (runtime.Engine.NeedsReload)
            {
                // A segment filters events whose properties were not kept: the loop loads them before it is decided, or
                // its first answers would be wrong, and the load puts the definitions in force again.
                return;
            }

            await DefineComputedAsync(runtime, Processed, cancellationToken);
            runtime.Engine.Define(definitions);
            runtime.Engine.EndStale(changes, now);
        }
        else
        {
            _nextRefresh = now + runtime.Refresh;
        }

        runtime.Engine.Collect(changes, now, evaluate: false);
        if (!changes.IsEmpty)
        {
            await store.CommitAsync(changes, cancellationToken);
            await NotifyAsync(state, changes, cancellationToken);
        }
    }

    private bool Separated(ProfileId a, ProfileId b) => _separations.ContainsKey((a, b)) || _separations.ContainsKey((b, a));

    public void Dispose() => _wake.Dispose();

    /// <summary>The graph, person data and decisions as stored; sets <see cref="Processed"/> to the stored checkpoint.</summary>
    private async Task<PipelineState> LoadAsync(CancellationToken cancellationToken)
    {
        var graph = new InMemoryIdentityGraph();
        await store.LoadGraphAsync(graph, cancellationToken);
        _separations.Clear();
        foreach (var pair in await store.SeparationsAsync(cancellationToken))
        {
            _separations[pair] = true;
        }

        var index = new MatchIndex(await store.MatchModelAsync(cancellationToken) ?? StarterModel.Value, matching);
        foreach (var (profile, person) in await PersonTraits.CollectAsync(store.PersonTraitsAsync(cancellationToken), o => o.Profile, cancellationToken))
        {
            index.Upsert(profile, person);
        }

        var checkpoint = await store.CheckpointAsync(cancellationToken);
        if (segments is not null)
        {
            await LoadSegmentsAsync(segments, checkpoint, cancellationToken);
        }

        // After the computed traits are rebuilt: whoever waits for Processed then reads them current.
        Interlocked.Exchange(ref _processed, checkpoint);
        _position = checkpoint;

        var state = new PipelineState(graph, new IdentityResolver(rules, Separated), index);
        // Applied already, unless the process stopped between recording an approval and merging.
        await ApplyApprovalsAsync(state, cancellationToken);
        foreach (var observer in _observers)
        {
            await observer.ReloadedAsync(cancellationToken);
        }

        return state;
    }

    /// <summary>
    /// Loads every live profile's facts into the segment engine afresh (with the computed traits in force, rebuilt
    /// where they must be); segments are evaluated again once the pipeline is caught up.
    /// </summary>
    private async Task LoadSegmentsAsync(SegmentRuntime runtime, long checkpoint, CancellationToken cancellationToken)
    {
        runtime.Engine.KeepProperties(SegmentEngine.FilteredEvents(await runtime.Store.ListAsync(cancellationToken)));
        runtime.Engine.Clear();
        await runtime.Store.LoadAsync(runtime.Engine, null, cancellationToken);
        await DefineComputedAsync(runtime, checkpoint, cancellationToken);
        runtime.Engine.LoadDone();
        _caughtUp = false;
        Interlocked.Exchange(ref _segmentsChanged, 1);
        // The first sweep after a load decides every segment and expires windows as well.
        _nextRefresh = _time.GetUtcNow() + runtime.Refresh;
    }

    /// <summary>Loads again the facts of profiles whose events were removed, rebuilds their computed traits and evaluates them.</summary>
    private async Task ReloadProfilesAsync(PipelineState state, SegmentRuntime runtime, CancellationToken cancellationToken)
    {
        var profiles = new HashSet<ProfileId>();
        while (_eventsRemoved.TryDequeue(out var profile))
        {
            profiles.Add(state.Graph.Canonical(new ProfileId(profile)));
        }

        runtime.Engine.Forget(profiles);
        await runtime.Store.LoadAsync(runtime.Engine, profiles, cancellationToken);
        var recomputation = new ComputedRecomputation(runtime.Engine.Computed);
        await runtime.Store.RecomputeAsync(recomputation, profiles, cancellationToken);
        runtime.Engine.Recomputed(recomputation, profiles);
        var changes = new ProfileChanges { Checkpoint = Processed };
        runtime.Engine.Collect(changes, _time.GetUtcNow(), evaluate: _caughtUp);
        await store.CommitAsync(changes, cancellationToken);
        await NotifyAsync(state, changes, cancellationToken);
    }

    /// <summary>
    /// Puts in force the computed traits of the configuration and those declared through the API; rebuilds from the log
    /// the states of those whose definition is new or changed since the stored states were built, and stores them with
    /// the fingerprints at <paramref name="checkpoint"/> (events after it reach the new states as the pipeline
    /// processes them); drops the states of traits no longer defined.
    /// </summary>
    private async Task DefineComputedAsync(SegmentRuntime runtime, long checkpoint, CancellationToken cancellationToken)
    {
        var configured = runtime.Configured.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var definitions = runtime.Configured
            .Concat((await runtime.Store.ComputedDefinitionsAsync(cancellationToken)).Select(s => s.Definition).Where(d => !configured.Contains(d.Name)))
            .ToList();
        static (string, string, string?) Key(TraitDefinition d) => (d.Name, d.Fingerprint(), d.Description);
        var set = definitions.Select(Key).SequenceEqual(runtime.Engine.Computed.Traits.Select(t => Key(t.Definition)))
            ? runtime.Engine.Computed
            : new ComputedTraitSet(definitions);
        var built = await runtime.Store.ComputedFingerprintsAsync(cancellationToken);
        var stale = set.Traits.Where(t => built.GetValueOrDefault(t.Name) != t.Fingerprint).ToList();
        var dropped = built.Keys.Where(name => set.Find(name) is null).ToList();
        var recomputation = new ComputedRecomputation(new ComputedTraitSet(stale.Select(t => t.Definition)));
        if (stale.Count > 0)
        {
            await runtime.Store.RecomputeAsync(recomputation, null, cancellationToken);
        }

        // The new set goes in force with its states built, so what reads it never sees a new trait empty.
        if (set != runtime.Engine.Computed)
        {
            runtime.Engine.Redefine(set);
        }

        if (stale.Count == 0 && dropped.Count == 0)
        {
            return;
        }

        runtime.Engine.Recomputed(recomputation);
        var changes = new ProfileChanges { Checkpoint = checkpoint };
        runtime.Engine.Collect(changes, _time.GetUtcNow(), evaluate: false);
        changes.ComputedFingerprints.AddRange(stale.Select(t => (t.Name, t.Fingerprint)));
        changes.ComputedDropped.AddRange(dropped);
        await store.CommitAsync(changes, cancellationToken);
    }

    /// <summary>The <c>traits</c> object of a message or its context, or null.</summary>
    internal static JsonElement? Traits(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("traits"u8, out var traits) && traits.ValueKind == JsonValueKind.Object ? traits : null;

    /// <summary>What the pipeline holds in memory between batches.</summary>
    private sealed class PipelineState(InMemoryIdentityGraph graph, IdentityResolver resolver, MatchIndex index)
    {
        public InMemoryIdentityGraph Graph { get; } = graph;

        public IdentityResolver Resolver { get; } = resolver;

        public MatchIndex Index { get; } = index;

        /// <summary>Approvals to apply once the pipeline has processed the event that raised their suggestion (in a rebuild).</summary>
        public Dictionary<long, List<ApprovedMatch>> ApprovalsAfter { get; } = [];

        /// <summary>Pairs whose blocked probabilistic merge is already recorded, so a busy profile does not repeat it on every event.</summary>
        public HashSet<(long, long)> Reported { get; } = [];

        public long LastApproval { get; set; }

        public void Approve(ApprovedMatch approval)
        {
            if (!ApprovalsAfter.TryGetValue(approval.AfterSequence, out var list))
            {
                ApprovalsAfter[approval.AfterSequence] = list = [];
            }

            list.Add(approval);
        }
    }
}
