using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Consent;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Core.Segments;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Core.Audiences;

/// <summary>
/// Keeps what segments read of every live profile in memory and decides memberships. The profile pipeline feeds it
/// each event and merge as it resolves them and collects, with each batch, the computed-trait states to store and
/// the profiles that entered or left a segment; previews read it from other threads. One lock guards it all: the
/// pipeline holds it for a batch's worth of small updates, a preview for one pass over the profiles.
/// </summary>
public sealed class SegmentEngine
{
    /// <summary>Slots one thread takes at a time: whole words of a <see cref="MemberSet"/>, so threads never write the same one.</summary>
    private const int Block = 64 * MemberSet.BlockSlots;

    /// <summary>Slots a sweep decides between two looks at the clock: two blocks, one per core here.</summary>
    private const int SliceSlots = 2 * Block;

    /// <summary>Membership changes after which a slice stops: as many as a batch's own transaction stores (<c>SqliteSegmentStore</c>).</summary>
    private const int SliceChanges = 20_000;

    /// <summary>How long a slice runs before the pipeline takes the next batch of events.</summary>
    private static readonly TimeSpan SliceTime = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ProfileFacts> _profiles = [];
    private Dictionary<string, TraitState> _empty;
    private readonly NameTable _names = new();
    // Profiles touched since the last evaluation, with what of them changed.
    private readonly Dictionary<long, ProfileTouch> _dirty = [];
    private readonly HashSet<(long Profile, string Trait)> _computedChanged = [];
    private readonly HashSet<long> _computedCleared = [];
    private readonly List<MembershipChange> _pending = [];
    private readonly List<(long Segment, long Profile)> _orphans = [];
    private readonly Dictionary<long, MemberSet> _members = [];
    private readonly Stack<int> _freeSlots = new();
    private ProfileFacts?[] _slots = [];
    private int _slotsUsed;
    private Active[] _segments = [];
    private Dictionary<string, MemberSet> _membersByName = new(StringComparer.Ordinal);
    private SweepState? _sweep;
    // Segments new or changed whose memberships are not all decided and stored yet.
    private readonly HashSet<long> _evaluating = [];
    // After a load or new computed traits, the next definitions decide every segment for every profile again.
    private bool _sweepAllNext = true;
    // Changed computed states are held back from the store (see Collect); the stored ones are marked out of date.
    private bool _computedHeld;
    // The event names whose properties are kept: those a where filter reads, of a defined segment or of a preview. Any
    // other track event is held as its name and time. Keeping every event's properties was all of the server's growth
    // in memory under load, hundreds of bytes per event for as long as it ran (bench/results/pipeline.md).
    private readonly HashSet<string> _keptProperties = new(StringComparer.Ordinal);
    // Kept names whose earlier events are held without them, until the profiles are loaded again (NeedsReload).
    private readonly HashSet<string> _partialProperties = new(StringComparer.Ordinal);
    // The names of the events held: asking for the properties of a name never sent (a typo in the editor) loads nothing.
    private readonly HashSet<string> _heldEvents = new(StringComparer.Ordinal);

    public SegmentEngine(ComputedTraitSet computed)
    {
        ArgumentNullException.ThrowIfNull(computed);
        Computed = computed;
        _empty = Empty(computed);
    }

    /// <summary>The computed traits in force.</summary>
    public ComputedTraitSet Computed { get; private set; }

    /// <summary>False until the pipeline has loaded the profiles (never, on a node that does not run the pipeline).</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>The saved segments in force, in evaluation order (a segment after those it refers to).</summary>
    public IReadOnlyList<SegmentDefinition> Definitions
    {
        get
        {
            lock (_gate)
            {
                return [.. _segments.Select(s => s.Definition)];
            }
        }
    }

    /// <summary>Whether changed computed states are held back from the store (see <see cref="Collect"/>).</summary>
    public bool HoldsComputed
    {
        get
        {
            lock (_gate)
            {
                return _computedHeld;
            }
        }
    }

    /// <summary>Live profiles held.</summary>
    public int ProfileCount
    {
        get
        {
            lock (_gate)
            {
                return _profiles.Count;
            }
        }
    }

    /// <summary>Forgets every profile, before the pipeline loads them again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            IsLoaded = false;
            _profiles.Clear();
            Array.Clear(_slots);
            _slotsUsed = 0;
            _freeSlots.Clear();
            foreach (var members in _members.Values)
            {
                members.Clear();
            }

            _dirty.Clear();
            _computedChanged.Clear();
            _computedCleared.Clear();
            _pending.Clear();
            _orphans.Clear();
            _sweep = null;
            _evaluating.Clear();
            _sweepAllNext = true;
            _computedHeld = false;
            // The load that follows keeps them all.
            _partialProperties.Clear();
            _heldEvents.Clear();
        }
    }

    /// <summary>
    /// True when properties of some events are asked for (<see cref="KeepProperties"/>) that events held already lack:
    /// the profiles must be loaded again (<see cref="Clear"/>, then the store) before a filter can read them.
    /// </summary>
    public bool NeedsReload
    {
        get
        {
            lock (_gate)
            {
                return _partialProperties.Count > 0;
            }
        }
    }

    /// <summary>The names of the events whose properties a <c>where</c> filter of <paramref name="segment"/> reads.</summary>
    public static IReadOnlySet<string> FilteredEvents(CompiledSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.Events.Where(e => e.Filter is not null).Select(e => e.EventName).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The names of the events whose properties a <c>where</c> filter of any of <paramref name="definitions"/> reads (those that parse).</summary>
    public static IReadOnlySet<string> FilteredEvents(IEnumerable<SegmentDefinition> definitions) =>
        definitions.Select(d => SegmentParser.Parse(d.Expression)).Where(r => r is { Succeeded: true, Expression: not null })
            .SelectMany(r => FilteredEvents(SegmentCompiler.Compile(r.Expression!))).ToHashSet(StringComparer.Ordinal);

    /// <summary>Keeps the properties of events with these names from now on (see <see cref="NeedsReload"/> for those held already).</summary>
    public void KeepProperties(IEnumerable<string> eventNames)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        lock (_gate)
        {
            foreach (var name in eventNames)
            {
                if (_keptProperties.Add(_names.Intern(name)) && _heldEvents.Contains(name))
                {
                    _partialProperties.Add(name);
                }
            }
        }
    }

    /// <summary>Whether every held event with one of these names has its properties, for a filter to read.</summary>
    public bool HoldsProperties(IEnumerable<string> eventNames)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        lock (_gate)
        {
            return eventNames.All(n => _keptProperties.Contains(n) && !_partialProperties.Contains(n));
        }
    }

    /// <summary>Marks the end of loading: from here on previews answer.</summary>
    public void LoadDone()
    {
        lock (_gate)
        {
            IsLoaded = true;
        }
    }

    public void LoadProfile(ProfileId profile)
    {
        lock (_gate)
        {
            Facts(profile.Value);
        }
    }

    public void LoadTrait(ProfileId profile, string name, JsonElement value, TraitRank rank)
    {
        lock (_gate)
        {
            Facts(profile.Value).Observe(name, value, rank, _names);
        }
    }

    public void LoadConsent(ProfileId profile, string purpose, bool granted, long atMs, long sequence)
    {
        lock (_gate)
        {
            Facts(profile.Value).Consent(_names.Intern(purpose), granted, atMs, sequence);
        }
    }

    public void LoadComputed(ProfileId profile, string trait, TraitState state)
    {
        lock (_gate)
        {
            Facts(profile.Value).Computed[Computed.Find(trait)?.Name ?? _names.Intern(trait)] = state;
        }
    }

    /// <summary>A stored track event of a live profile (the whole message; the engine keeps what it needs of it).</summary>
    public void LoadEvent(ProfileId profile, DateTimeOffset timestamp, JsonElement message)
    {
        lock (_gate)
        {
            AddEvent(Facts(profile.Value), timestamp, message);
        }
    }

    /// <summary>
    /// Forgets all but the memberships of <paramref name="profiles"/>, for the store to load their facts again (after
    /// events of theirs were deleted or cut down); they are evaluated with the next batch.
    /// </summary>
    public void Forget(IReadOnlyCollection<ProfileId> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        lock (_gate)
        {
            foreach (var profile in profiles)
            {
                if (_profiles.TryGetValue(profile.Value, out var before))
                {
                    // The same slot keeps the memberships.
                    _profiles[profile.Value] = _slots[before.Slot] = new ProfileFacts(before.Id, before.Slot);
                    Touch(profile.Value).Everything();
                }
            }
        }
    }

    /// <summary>
    /// A stored membership. One of a profile not loaded (merged away, erased, or not yet replayed in a rebuild) waits
    /// for the next full evaluation: it ends there unless the profile is live again.
    /// </summary>
    public void LoadMember(long segment, ProfileId profile)
    {
        lock (_gate)
        {
            _orphans.Add((segment, profile.Value));
        }
    }

    /// <summary>
    /// Puts another set of computed traits in force. States of traits new or changed read as empty until rebuilt
    /// (<see cref="Recomputed"/>); segments should be defined again, since what changes with time may have changed.
    /// </summary>
    public void Redefine(ComputedTraitSet computed)
    {
        ArgumentNullException.ThrowIfNull(computed);
        lock (_gate)
        {
            Computed = computed;
            _empty = Empty(computed);
            _sweepAllNext = true;
        }
    }

    /// <summary>
    /// Puts <paramref name="definitions"/> in force: compiled, ordered so a segment comes after the segments it refers
    /// to. Segments that do not parse or are part of a cycle are left out (the API refuses both; the reasons are returned).
    /// Segments new or changed, and those referring to them, are then decided for every profile by a sweep
    /// (<see cref="Sweep"/>); after a load or new computed traits, every segment is.
    /// </summary>
    public IReadOnlyList<string> Define(IReadOnlyList<SegmentDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var problems = new List<string>();
        var parsed = new Dictionary<string, (SegmentDefinition Definition, CompiledSegment Compiled)>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var result = SegmentParser.Parse(definition.Expression);
            if (result.Expression is null || !result.Succeeded)
            {
                problems.Add($"segment \"{definition.Name}\": {string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
                continue;
            }

            parsed[definition.Name] = (definition, SegmentCompiler.Compile(result.Expression));
        }

        var references = parsed.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Compiled.Dependencies.Segments, StringComparer.Ordinal);
        foreach (var cycle in SegmentCycles.Find(references))
        {
            problems.Add($"segments {string.Join(" → ", cycle)} refer to each other in a cycle");
            foreach (var name in cycle)
            {
                parsed.Remove(name);
            }
        }

        var ordered = new List<(SegmentDefinition Definition, CompiledSegment Compiled, bool TimeDependent)>();
        var placed = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Place(string name)
        {
            if (placed.ContainsKey(name) || !parsed.TryGetValue(name, out var entry))
            {
                return;
            }

            foreach (var reference in entry.Compiled.Dependencies.Segments)
            {
                Place(reference);
            }

            var timeDependent = entry.Compiled.Dependencies.IsTimeDependent
                || entry.Compiled.Dependencies.Traits.Concat(entry.Compiled.Dependencies.ComputedTraits).Any(SlidesWithTime)
                || entry.Compiled.Dependencies.Segments.Any(s => placed.GetValueOrDefault(s));
            placed[name] = timeDependent;
            ordered.Add((entry.Definition, entry.Compiled, timeDependent));
        }

        foreach (var definition in definitions)
        {
            Place(definition.Name);
        }

        KeepProperties(ordered.SelectMany(o => FilteredEvents(o.Compiled)));
        lock (_gate)
        {
            var before = _segments.ToDictionary(s => s.Definition.Id, s => (s.Definition.UpdatedAt, s.TimeDependent));
            _segments = [.. ordered.Select(o => new Active(o.Definition, o.Compiled, o.TimeDependent, Members(o.Definition.Id), FactKey.Of(o.Compiled.Dependencies)))];
            _membersByName = _segments.ToDictionary(a => a.Definition.Name, a => a.Members, StringComparer.Ordinal);
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var active in _segments)
            {
                // In evaluation order, so a segment referring to a changed one is marked after it.
                if (_sweepAllNext
                    || before.GetValueOrDefault(active.Definition.Id) != (active.Definition.UpdatedAt, active.TimeDependent)
                    || active.Compiled.Dependencies.Segments.Any(changed.Contains))
                {
                    changed.Add(active.Definition.Name);
                }
            }

            var introduced = _segments.Where(a => changed.Contains(a.Definition.Name)).Select(a => a.Definition.Id).ToHashSet();
            if (introduced.Count > 0)
            {
                Widen(introduced, introduced, expire: _sweepAllNext);
            }

            _sweepAllNext = false;
        }

        return problems;
    }

    /// <summary>Ends the memberships of segments no longer defined and those stored for profiles no longer live (<see cref="LoadMember"/>).</summary>
    public void EndStale(ProfileChanges changes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            EndStale(changes, now, deleted: true);
        }
    }

    /// <summary>
    /// Begins a sweep that expires computed-trait windows and decides again the segments that change with time alone,
    /// unless a sweep is under way (the caller asks again once it ends). Says whether it began one.
    /// </summary>
    public bool BeginRefresh()
    {
        lock (_gate)
        {
            if (_sweep is not null)
            {
                return false;
            }

            Widen([.. _segments.Where(s => s.TimeDependent).Select(s => s.Definition.Id)], [], expire: true);
            return true;
        }
    }

    /// <summary>Whether a sweep has profiles left to decide.</summary>
    public bool Sweeping
    {
        get
        {
            lock (_gate)
            {
                return _sweep is not null;
            }
        }
    }

    /// <summary>Whether <paramref name="segment"/>, new or changed, is still being decided for every profile, or its last slice not yet stored (<see cref="Decided"/>).</summary>
    public bool IsEvaluating(long segment)
    {
        lock (_gate)
        {
            return _evaluating.Contains(segment);
        }
    }

    /// <summary>The last slice of the sweep that decided <paramref name="segments"/> (as <see cref="Sweep"/> returned them) is stored.</summary>
    public void Decided(IReadOnlyCollection<long> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        lock (_gate)
        {
            _evaluating.ExceptWith(segments);
        }
    }

    /// <summary>
    /// Takes the next slice of the sweep under way into <paramref name="changes"/>: the profiles of the next slots, with
    /// windows expired when the sweep asks it, decided at <paramref name="now"/>, until about <see cref="SliceTime"/>
    /// has passed or <see cref="SliceChanges"/> memberships changed. The pipeline stores each slice with a batch, so
    /// live events never wait for a whole pass over a million profiles. Does nothing when no sweep is under way.
    /// Returns the segments new or changed that the sweep has now decided for every profile, once it ends.
    /// </summary>
    public IReadOnlyCollection<long> Sweep(ProfileChanges changes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            if (_sweep is not { } sweep)
            {
                return [];
            }

            var segments = _segments.Where(s => sweep.Segments.Contains(s.Definition.Id)).ToArray();
            var started = Stopwatch.GetTimestamp();
            var before = changes.Memberships.Count;
            // At least one step a slice, however slow the machine: a sweep always moves on.
            while (sweep.Next < _slotsUsed)
            {
                var end = Math.Min(_slotsUsed, sweep.Next + SliceSlots);
                if (sweep.Expire)
                {
                    ExpireSlots(sweep.Next, end, now);
                }

                EvaluateSlots(changes, now, segments, sweep.Next, end);
                sweep.Next = end;
                if (Stopwatch.GetElapsedTime(started) >= SliceTime || changes.Memberships.Count - before >= SliceChanges)
                {
                    break;
                }
            }

            if (sweep.Next < _slotsUsed)
            {
                return [];
            }

            _sweep = null;
            return sweep.Introduced;
        }
    }

    /// <summary>
    /// Takes in one resolved event of <paramref name="profile"/>: its traits, consents, computed traits and, for track
    /// calls, the event itself. Says whether analytics consent keeps the event: a behavioural event (track, page,
    /// screen) of a person who denied <see cref="ConsentPurposes.Analytics"/> is not taken in, and the message
    /// that denies it ends what the profile held of earlier ones.
    /// </summary>
    public ConsentEffect Observe(ProfileId profile, LoggedEvent logged, JsonElement message, Source? source)
    {
        ArgumentNullException.ThrowIfNull(logged);
        lock (_gate)
        {
            var touch = Touch(profile.Value);
            if (!_profiles.ContainsKey(profile.Value))
            {
                // Every segment decides a new profile once: "not performed …" holds before any event says so.
                touch.Everything();
            }

            var facts = Facts(profile.Value);
            var deniedBefore = facts.DeniesAnalytics;
            var rank = new TraitRank(source?.Kind != SourceKind.ThirdParty, source?.Trust ?? 0, logged.Timestamp.ToUnixTimeMilliseconds(), logged.Sequence);
            foreach (var traits in (ReadOnlySpan<JsonElement?>)[ProfilePipeline.Traits(message), ProfilePipeline.Traits(message.TryGetProperty("context"u8, out var context) ? context : null)])
            {
                if (traits is { } found)
                {
                    foreach (var trait in found.EnumerateObject())
                    {
                        facts.Observe(trait.Name, trait.Value, rank, _names);
                        touch.Add(new(FactKind.Trait, trait.Name));
                    }
                }
            }

            foreach (var (purpose, granted) in ConsentPurposes.Read(message))
            {
                facts.Consent(_names.Intern(purpose), granted, logged.Timestamp.ToUnixTimeMilliseconds(), logged.Sequence);
                touch.Add(new(FactKind.Consent, purpose));
            }

            var effect = ConsentEffect.None;
            if (facts.DeniesAnalytics && !deniedBefore)
            {
                touch.Everything();
                facts.ClearEvents();
                facts.Computed.Clear();
                _computedCleared.Add(profile.Value);
                effect |= ConsentEffect.Withdrawn;
            }

            if (facts.DeniesAnalytics && logged.Type is MessageType.Track or MessageType.Page or MessageType.Screen)
            {
                return effect | ConsentEffect.Minimize;
            }

            using (var parsed = TraitEvent.Over(message, logged.Type, logged.MessageId, logged.Timestamp))
            {
                var changed = Computed.Apply(facts.Computed, parsed);
                for (var i = 0; i < changed.Count; i++)
                {
                    _computedChanged.Add((profile.Value, changed[i]));
                    touch.Add(new(FactKind.Computed, changed[i]));
                }
            }

            if (logged.Type == MessageType.Track && AddEvent(facts, logged.Timestamp, message) is { } name)
            {
                touch.Add(new(FactKind.Event, name));
            }

            return effect;
        }
    }

    /// <summary><paramref name="from"/> merged into <paramref name="into"/>: its facts join; it leaves its segments.</summary>
    public void Merge(ProfileId from, ProfileId into, DateTimeOffset at)
    {
        lock (_gate)
        {
            var target = Facts(into.Value);
            Touch(into.Value).Everything();
            if (!_profiles.Remove(from.Value, out var gone))
            {
                return;
            }

            foreach (var trait in target.Absorb(gone, Computed))
            {
                _computedChanged.Add((into.Value, trait));
            }

            _computedCleared.Add(from.Value);
            _dirty.Remove(from.Value);
            foreach (var (segment, members) in _members)
            {
                if (members.Contains(gone.Slot))
                {
                    members.Set(gone.Slot, false);
                    _pending.Add(new MembershipChange(segment, from, false, at));
                }
            }

            _slots[gone.Slot] = null;
            _freeSlots.Push(gone.Slot);
        }
    }

    /// <summary>
    /// Moves into <paramref name="changes"/> what to store with the batch: computed-trait states that changed, states of
    /// profiles merged away, memberships merges ended and, with <paramref name="evaluate"/>, the memberships of every
    /// profile touched since the last evaluation, decided at <paramref name="now"/>. The pipeline leaves
    /// <paramref name="evaluate"/> off while it catches up on a backlog, so a rebuild never records the passing
    /// memberships of half-replayed profiles.
    /// </summary>
    /// <param name="changes">Where the batch's changes go.</param>
    /// <param name="now">The time memberships are decided at.</param>
    /// <param name="evaluate">Whether to decide the memberships of the profiles touched.</param>
    /// <param name="holdComputed">
    /// Keeps changed computed states in memory instead, to go with a later batch: in a backlog a busy profile's states
    /// change in nearly every batch, and storing them each time was a fifth of a rebuild's processor time. The first
    /// batch that holds them back marks the stored fingerprints out of date (<see cref="ProfileChanges.ComputedUnsettled"/>),
    /// so a restart before the states are stored builds them again from the log; the batch that stores them settles
    /// the fingerprints again.
    /// </param>
    public void Collect(ProfileChanges changes, DateTimeOffset now, bool evaluate, bool holdComputed = false)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            if (holdComputed)
            {
                changes.ComputedUnsettled = !_computedHeld;
                _computedHeld = true;
            }
            else
            {
                MoveComputed(changes);
            }

            changes.Memberships.AddRange(_pending);
            _pending.Clear();
            if (!evaluate)
            {
                return;
            }

            var subject = Subject();
            foreach (var (profile, touch) in _dirty)
            {
                if (_profiles.TryGetValue(profile, out var facts))
                {
                    Evaluate(facts, subject, now, _segments, changes.Memberships, touch);
                }
            }

            _dirty.Clear();
        }
    }

    private void MoveComputed(ProfileChanges changes)
    {
        changes.ComputedRetired.AddRange(_computedCleared.Select(p => new ProfileId(p)));
        foreach (var (profile, trait) in _computedChanged)
        {
            if (_profiles.TryGetValue(profile, out var facts) && facts.Computed.TryGetValue(trait, out var state))
            {
                changes.ComputedStates.Add((new ProfileId(profile), trait, state.ToJson()));
            }
        }

        _computedCleared.Clear();
        _computedChanged.Clear();
        if (_computedHeld)
        {
            changes.ComputedFingerprints.AddRange(Computed.Traits.Select(t => (t.Name, t.Fingerprint)));
            _computedHeld = false;
        }
    }

    /// <summary>
    /// Decides every profile's membership of every segment (or, with <paramref name="timeDependentOnly"/>, of those
    /// whose answer can change with no new event) at <paramref name="now"/> in one pass on all cores; also ends
    /// memberships of profiles no longer live and (unless <paramref name="timeDependentOnly"/>) of segments deleted.
    /// Returns how many memberships changed.
    /// </summary>
    public int EvaluateAll(ProfileChanges changes, DateTimeOffset now, bool timeDependentOnly)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            var before = changes.Memberships.Count;
            EndStale(changes, now, deleted: !timeDependentOnly);
            EvaluateSlots(changes, now, timeDependentOnly ? [.. _segments.Where(s => s.TimeDependent)] : _segments, 0, _slotsUsed);
            if (!timeDependentOnly)
            {
                _dirty.Clear();
                _sweep = null;
                _evaluating.Clear();
            }

            return changes.Memberships.Count - before;
        }
    }

    /// <summary>
    /// Takes the states <paramref name="recomputation"/> rebuilt, in place of what every live profile held for those
    /// traits (a profile none of whose events matched gets an empty state); they are collected with the next batch.
    /// </summary>
    public void Recomputed(ComputedRecomputation recomputation, IReadOnlyCollection<ProfileId>? only = null)
    {
        ArgumentNullException.ThrowIfNull(recomputation);
        lock (_gate)
        {
            var profiles = only is null ? _profiles : only.Where(p => _profiles.ContainsKey(p.Value)).Select(p => KeyValuePair.Create(p.Value, _profiles[p.Value]));
            foreach (var (profile, facts) in profiles)
            {
                var states = recomputation.StatesOf(profile);
                foreach (var trait in recomputation.Traits.Traits)
                {
                    if (states is not null && states.TryGetValue(trait.Name, out var state))
                    {
                        facts.Computed[trait.Name] = state;
                    }
                    else if (facts.Computed.ContainsKey(trait.Name))
                    {
                        facts.Computed[trait.Name] = trait.NewState();
                    }
                    else
                    {
                        continue;
                    }

                    _computedChanged.Add((profile, trait.Name));
                    Touch(profile).Add(new(FactKind.Computed, trait.Name));
                }
            }
        }
    }

    /// <summary>How many live profiles <paramref name="segment"/> holds at <paramref name="now"/>, with up to <paramref name="sample"/> of them (lowest ids first).</summary>
    /// <exception cref="InvalidOperationException">A filter reads events whose properties are not all held (<see cref="HoldsProperties"/>).</exception>
    public SegmentPreview Preview(CompiledSegment segment, DateTimeOffset now, int sample)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (!HoldsProperties(FilteredEvents(segment)))
        {
            throw new InvalidOperationException("The segment filters events whose properties are not held: keep them and load the profiles again first.");
        }

        lock (_gate)
        {
            var count = 0;
            var members = new ConcurrentBag<long>();
            ForEachProfile(
                () => (Subject: Subject(), Count: 0, Sample: new SortedSet<long>()),
                (facts, local) =>
                {
                    local.Subject.Facts = facts;
                    // Computed traits are read at the subject's moment: without it a window would reach back forever.
                    local.Subject.Now = now;
                    if (segment.Evaluate(local.Subject, now))
                    {
                        local.Count++;
                        local.Sample.Add(facts.Id);
                        if (local.Sample.Count > sample)
                        {
                            local.Sample.Remove(local.Sample.Max);
                        }
                    }

                    return local;
                },
                local =>
                {
                    Interlocked.Add(ref count, local.Count);
                    foreach (var id in local.Sample)
                    {
                        members.Add(id);
                    }
                });
            return new SegmentPreview(count, _profiles.Count, [.. members.Order().Take(sample).Select(id => new ProfileId(id))]);
        }
    }

    /// <summary>The current value of every computed trait of a live profile at <paramref name="now"/>, or null when the profile is not held.</summary>
    public IReadOnlyDictionary<string, SegmentValue>? ComputedValues(ProfileId profile, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_profiles.TryGetValue(profile.Value, out var facts))
            {
                return null;
            }

            var subject = Subject();
            subject.Facts = facts;
            subject.Now = now;
            return Computed.Traits.ToDictionary(t => t.Name, t => subject.Trait(t.Name), StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Decides <paramref name="segments"/> (in evaluation order) for one profile; with a <paramref name="touch"/>, only
    /// those that read what it changed, and those referring to a segment whose membership just changed.
    /// </summary>
    /// <remarks>
    /// A segment that reads nothing an event changed can only decide differently because time passed, and those the
    /// scheduled refresh decides (<see cref="Active.TimeDependent"/>). Deciding every segment on every event made a
    /// busy profile's events cost as many scans of its history as there were <c>performed</c> conditions.
    /// </remarks>
    private static void Evaluate(ProfileFacts facts, FactsSubject subject, DateTimeOffset now, Active[] segments, List<MembershipChange> changes, ProfileTouch? touch = null)
    {
        subject.Facts = facts;
        subject.Now = now;
        List<string>? moved = null;
        foreach (var segment in segments)
        {
            if (touch is not null && !touch.Affects(segment.Reads) && (moved is null || !segment.Compiled.Dependencies.Segments.Any(moved.Contains)))
            {
                continue;
            }

            var member = segment.Compiled.Evaluate(subject, now);
            if (member != segment.Members.Contains(facts.Slot))
            {
                segment.Members.Set(facts.Slot, member);
                changes.Add(new MembershipChange(segment.Definition.Id, new ProfileId(facts.Id), member, now));
                (moved ??= []).Add(segment.Definition.Name);
            }
        }
    }

    private void EndStale(ProfileChanges changes, DateTimeOffset now, bool deleted)
    {
        foreach (var (segment, profile) in _orphans)
        {
            // After a rebuild the same profile ids come back: their evaluation decides for those.
            if (_profiles.TryGetValue(profile, out var facts))
            {
                Members(segment).Set(facts.Slot, true);
            }
            else
            {
                changes.Memberships.Add(new MembershipChange(segment, new ProfileId(profile), false, now));
            }
        }

        _orphans.Clear();
        if (deleted)
        {
            var live = _segments.Select(s => s.Definition.Id).ToHashSet();
            foreach (var (segment, members) in _members.Where(m => !live.Contains(m.Key)).ToList())
            {
                changes.Memberships.AddRange(members.Slots().Select(slot => new MembershipChange(segment, new ProfileId(_slots[slot]!.Id), false, now)));
                _members.Remove(segment);
            }
        }
    }

    /// <summary>Decides <paramref name="segments"/> for the profiles of slots <paramref name="from"/> (a multiple of a block) to <paramref name="to"/>, on all cores.</summary>
    private void EvaluateSlots(ProfileChanges changes, DateTimeOffset now, Active[] segments, int from, int to)
    {
        // Each thread hands its changes over in slices: a first evaluation records millions, and
        // per-thread lists grown to the end would be copied once more into the batch.
        const int HandOver = 16_384;
        var sink = new Lock();
        void Record(List<MembershipChange> found)
        {
            lock (sink)
            {
                changes.Memberships.AddRange(found);
            }

            found.Clear();
        }

        ForEachProfile(
            () => (Subject: Subject(), Changes: new List<MembershipChange>()),
            (facts, local) =>
            {
                Evaluate(facts, local.Subject, now, segments, local.Changes);
                if (local.Changes.Count >= HandOver)
                {
                    Record(local.Changes);
                }

                return local;
            },
            local => Record(local.Changes),
            from,
            to);
    }

    /// <summary>
    /// Runs <paramref name="body"/> over the live profiles of slots <paramref name="from"/> (a multiple of <see cref="Block"/>)
    /// to <paramref name="to"/>, every one unless told, on all cores. Each thread takes whole blocks of slots, so threads
    /// setting memberships of their own profiles never write the same word of a <see cref="MemberSet"/>.
    /// </summary>
    private void ForEachProfile<TLocal>(Func<TLocal> start, Func<ProfileFacts, TLocal, TLocal> body, Action<TLocal> finish, int from = 0, int? to = null)
    {
        var (slots, used) = (_slots, to ?? _slotsUsed);
        Parallel.For(
            from / Block,
            (used + Block - 1) / Block,
            start,
            (block, _, local) =>
            {
                for (int slot = block * Block, end = Math.Min(used, slot + Block); slot < end; slot++)
                {
                    if (slots[slot] is { } facts)
                    {
                        local = body(facts, local);
                    }
                }

                return local;
            },
            finish);
    }

    /// <summary>Drops the days that left computed traits' windows at <paramref name="now"/> for the profiles of the slots given; states that changed are collected with the next batch.</summary>
    private void ExpireSlots(int from, int to, DateTimeOffset now)
    {
        for (var slot = from; slot < to; slot++)
        {
            if (_slots[slot] is not { } facts)
            {
                continue;
            }

            foreach (var (name, state) in facts.Computed)
            {
                if (Computed.Find(name) is { } trait && trait.IsCurrent(state) && trait.Expire(state, now) > 0)
                {
                    _computedChanged.Add((facts.Id, name));
                }
            }
        }
    }

    /// <summary>Begins a sweep over <paramref name="segments"/>, or widens the one under way to them (starting it again from the first slot).</summary>
    private void Widen(IReadOnlyCollection<long> segments, IReadOnlyCollection<long> introduced, bool expire)
    {
        var sweep = _sweep ??= new SweepState();
        sweep.Segments.UnionWith(segments);
        sweep.Introduced.UnionWith(introduced);
        _evaluating.UnionWith(introduced);
        sweep.Expire |= expire;
        sweep.Next = 0;
    }

    /// <summary>Keeps a track event for <c>performed</c> conditions; returns its name, or null when it has none.</summary>
    private string? AddEvent(ProfileFacts facts, DateTimeOffset timestamp, JsonElement message)
    {
        if (!message.TryGetProperty("event"u8, out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var interned = _names.Intern(name.GetString()!);
        // A copy of a non-empty properties object only, and only where a filter reads it: a JsonDocument per event is
        // most of what events cost here.
        var properties = _keptProperties.Contains(interned)
            && message.TryGetProperty("properties"u8, out var found) && found.ValueKind == JsonValueKind.Object && found.EnumerateObject().MoveNext()
            ? found.Clone()
            : default;
        _heldEvents.Add(interned);
        facts.AddEvent(new EventFact(interned, timestamp, properties));
        return interned;
    }

    private ProfileTouch Touch(long profile)
    {
        if (!_dirty.TryGetValue(profile, out var touch))
        {
            _dirty[profile] = touch = new ProfileTouch();
        }

        return touch;
    }

    private static Dictionary<string, TraitState> Empty(ComputedTraitSet computed) =>
        computed.Traits.ToDictionary(t => t.Name, t => t.NewState(), StringComparer.Ordinal);

    private FactsSubject Subject() => new(Computed, _empty, _membersByName, _names);

    private bool SlidesWithTime(string name) =>
        Computed.Find(name) is { } trait && (trait.Definition.WindowDays is not null || trait.Definition.Aggregation == Aggregation.DaysSince);

    private ProfileFacts Facts(long profile)
    {
        if (!_profiles.TryGetValue(profile, out var facts))
        {
            _profiles[profile] = facts = new ProfileFacts(profile, NewSlot());
            _slots[facts.Slot] = facts;
        }

        return facts;
    }

    private int NewSlot()
    {
        if (_freeSlots.TryPop(out var free))
        {
            return free;
        }

        if (_slotsUsed == _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(1024, _slots.Length * 2));
            foreach (var members in _members.Values)
            {
                members.Grow(_slots.Length);
            }
        }

        return _slotsUsed++;
    }

    /// <summary>The members of a segment, by id (empty for a segment new to the engine).</summary>
    private MemberSet Members(long segment)
    {
        if (!_members.TryGetValue(segment, out var members))
        {
            _members[segment] = members = new MemberSet(_slots.Length);
        }

        return members;
    }

    /// <summary>A segment in force; <c>Reads</c> is what it reads of a profile (<see cref="FactKey.Of"/>).</summary>
    private sealed record Active(SegmentDefinition Definition, CompiledSegment Compiled, bool TimeDependent, MemberSet Members, HashSet<FactKey> Reads);

    /// <summary>A pass over every profile, a slice at a time: the segments it decides, from which slot on, and whether it expires windows first.</summary>
    private sealed class SweepState
    {
        public HashSet<long> Segments { get; } = [];

        /// <summary>Segments new or changed, "evaluating" until the sweep ends and its last slice is stored.</summary>
        public HashSet<long> Introduced { get; } = [];

        public bool Expire { get; set; }

        public int Next { get; set; }
    }
}

/// <summary>A segment's size over the live profiles, out of how many, with a sample of members.</summary>
public sealed record SegmentPreview(int Size, int Profiles, IReadOnlyList<ProfileId> Sample);
