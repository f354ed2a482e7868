using System.Globalization;
using System.Text.Json;
using Sightline.Core.Events;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// A validated <see cref="TraitDefinition"/> ready to run: it folds events into a <see cref="TraitState"/>
/// (<see cref="Apply(TraitState, TraitEvent)"/>), combines two profiles' states when they merge
/// (<see cref="Combine"/>), drops days that left the window (<see cref="Expire"/>) and reads the value at a moment
/// (<see cref="Value"/>). Arrival order never matters: applying events in any order gives the same state.
/// Unmerging cannot subtract one person's events from a state, so it recomputes each side from its events
/// (<see cref="Recompute"/>).
/// </summary>
public sealed class ComputedTrait
{
    /// <summary>
    /// The most distinct values a state keeps per day (per trait, for all-time traits) for most_frequent and
    /// distinct_*; beyond it the least seen are dropped and those results become approximate.
    /// </summary>
    public const int MaxDistinctValues = 100;

    private const int MonthDays = 30;

    [ThreadStatic]
    private static Dictionary<string, long>? t_scratch;

    private readonly Aggregation _aggregation;
    private readonly int? _window;

    // Matching runs for every trait on every event: a bit per message type and arrays, not LINQ over interfaces.
    private readonly int _types;
    private readonly string[] _events;
    private readonly PropertyFilter[] _where;

    /// <exception cref="ArgumentException">The definition is invalid (the message says why).</exception>
    public ComputedTrait(TraitDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (TraitDefinitionLoader.Problem(definition) is { } problem)
        {
            throw new ArgumentException($"{definition.Name}: {problem}", nameof(definition));
        }

        Definition = definition;
        Fingerprint = definition.Fingerprint();
        _aggregation = definition.Aggregation;
        _window = definition.WindowDays;
        _types = definition.Types.Aggregate(0, (bits, type) => bits | (1 << (int)type));
        _events = [.. definition.Events];
        _where = [.. definition.Where];
    }

    public TraitDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <inheritdoc cref="TraitDefinition.Fingerprint"/>
    public string Fingerprint { get; }

    /// <summary>
    /// The kind every value of this trait has (besides none), for checking segment expressions; null for first
    /// and last of a property, whose values are as the events recorded them.
    /// </summary>
    public ComputedValueKind? ValueKind => _aggregation switch
    {
        Aggregation.First or Aggregation.Last when Definition.Property is null => ComputedValueKind.Timestamp,
        Aggregation.First or Aggregation.Last => null,
        Aggregation.MostFrequent => ComputedValueKind.Text,
        Aggregation.DistinctValues => ComputedValueKind.List,
        _ => ComputedValueKind.Number,
    };

    /// <summary>The state of a profile with no matching events.</summary>
    public TraitState NewState() => new(Fingerprint, []);

    /// <summary>Whether the state was built by this definition; when not, rebuild it with <see cref="Recompute"/>.</summary>
    public bool IsCurrent(TraitState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return string.Equals(state.Fingerprint, Fingerprint, StringComparison.Ordinal);
    }

    /// <summary>Whether the event is one this trait aggregates: its type, name and every filter match.</summary>
    public bool Matches(TraitEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if ((_types & (1 << (int)message.Type)) == 0)
        {
            return false;
        }

        if (_events.Length > 0 && !NameMatches(message.Name))
        {
            return false;
        }

        foreach (var filter in _where)
        {
            if (!filter.Matches(message))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Adds one event to the state in O(1) (O(window) at worst for an event older than the newest day); false when
    /// the event does not match, lacks the aggregated property, or is older than any window the state can still
    /// answer for. Applying the same event twice counts it twice: the log's message ids deduplicate first.
    /// </summary>
    public bool Apply(TraitState state, TraitEvent message)
    {
        Check(state);
        if (!Matches(message))
        {
            return false;
        }

        var day = _window is null ? 0 : DayOf(message.Timestamp);
        var buckets = state.Buckets;
        if (_window is { } window && buckets.Count > 0 && day <= buckets[^1].Day - window)
        {
            return false;
        }

        switch (_aggregation)
        {
            case Aggregation.Count or Aggregation.Rate:
                Bucket(buckets, day).Count++;
                break;
            case Aggregation.Sum or Aggregation.Average or Aggregation.Min or Aggregation.Max:
                if (!Definition.Property!.TryRead(message, out var element) || !PropertyFilter.TryNumber(element, out var number))
                {
                    return false;
                }

                AddNumber(Bucket(buckets, day), number);
                break;
            case Aggregation.First or Aggregation.Last or Aggregation.DaysSince:
                var value = ComputedValue.None;
                if (Definition.Property is { } property && (!property.TryRead(message, out var scalar) || !TryScalar(scalar, out value)))
                {
                    return false;
                }

                AddObservation(Bucket(buckets, day), new Observation(message.Timestamp.ToUniversalTime(), message.MessageId, value));
                break;
            default:
                if (!Definition.Property!.TryRead(message, out var keyed) || Key(keyed) is not { } key)
                {
                    return false;
                }

                var bucket = Bucket(buckets, day);
                bucket.Count++;
                bucket.CountValue(key);
                break;
        }

        Prune(buckets);
        return true;
    }

    /// <summary>Parses the event and applies it; with many traits, parse once with <see cref="TraitEvent.From"/> instead.</summary>
    public bool Apply(TraitState state, EventMessage message)
    {
        using var parsed = TraitEvent.From(message);
        return Apply(state, parsed);
    }

    /// <summary>
    /// The state of a profile whose events are <paramref name="events"/>, built by the same <see cref="Apply(TraitState, TraitEvent)"/>
    /// as live events, in any order. Used for new and changed definitions and for both sides of an unmerge.
    /// </summary>
    public TraitState Recompute(IEnumerable<EventMessage> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = NewState();
        foreach (var message in events)
        {
            Apply(state, message);
        }

        return state;
    }

    /// <summary>
    /// The state of the union of both states' events, as when two profiles merge: counts, sums, minima, maxima,
    /// firsts, lasts and value counts combine per day. Neither input changes.
    /// </summary>
    public TraitState Combine(TraitState a, TraitState b)
    {
        Check(a);
        Check(b);
        var merged = new List<Tally>(a.Buckets.Count + b.Buckets.Count);
        int i = 0, j = 0;
        while (i < a.Buckets.Count || j < b.Buckets.Count)
        {
            var left = i < a.Buckets.Count ? a.Buckets[i] : null;
            var right = j < b.Buckets.Count ? b.Buckets[j] : null;
            if (right is null || (left is not null && left.Day < right.Day))
            {
                merged.Add(left!.Clone());
                i++;
            }
            else if (left is null || right.Day < left.Day)
            {
                merged.Add(right.Clone());
                j++;
            }
            else
            {
                var both = left.Clone();
                both.Merge(right);
                merged.Add(both);
                i++;
                j++;
            }
        }

        Prune(merged);
        return new TraitState(Fingerprint, merged);
    }

    /// <summary>
    /// Drops the days that have left the window at <paramref name="now"/>, for a scheduled pass; returns how many.
    /// <see cref="Value"/> ignores them anyway, so expiry only bounds the state and tells which profiles changed.
    /// </summary>
    public int Expire(TraitState state, DateTimeOffset now)
    {
        Check(state);
        var start = WindowStart(state.Buckets, now);
        state.Buckets.RemoveRange(0, start);
        return start;
    }

    /// <summary>
    /// The value at <paramref name="now"/>: window days counted back from now's UTC day, today included. Reads at
    /// most one tally per day and allocates nothing except for list values and, in windows over several days, for
    /// most_frequent and distinct ones. Count, sum and rate are 0 without events; the rest have no value.
    /// </summary>
    public ComputedValue Value(TraitState state, DateTimeOffset now)
    {
        Check(state);
        var buckets = state.Buckets;
        var start = WindowStart(buckets, now);
        if (start == buckets.Count)
        {
            return _aggregation is Aggregation.Count or Aggregation.Sum or Aggregation.Rate ? ComputedValue.FromNumber(0) : ComputedValue.None;
        }

        switch (_aggregation)
        {
            case Aggregation.Count:
                return ComputedValue.FromNumber(CountFrom(buckets, start));
            case Aggregation.Sum:
                return ComputedValue.FromNumber(SumFrom(buckets, start));
            case Aggregation.Average:
                return ComputedValue.FromNumber(SumFrom(buckets, start) / CountFrom(buckets, start));
            case Aggregation.Min or Aggregation.Max:
                var extreme = _aggregation == Aggregation.Min ? buckets[start].Min!.Value : buckets[start].Max!.Value;
                for (var i = start + 1; i < buckets.Count; i++)
                {
                    extreme = _aggregation == Aggregation.Min ? Math.Min(extreme, buckets[i].Min!.Value) : Math.Max(extreme, buckets[i].Max!.Value);
                }

                return ComputedValue.FromNumber(extreme);
            case Aggregation.First:
                return Read(buckets[start].First!);
            case Aggregation.Last:
                return Read(buckets[^1].Last!);
            case Aggregation.DaysSince:
                var days = (now.UtcTicks - buckets[^1].Last!.At.UtcTicks) / TimeSpan.TicksPerDay;
                return ComputedValue.FromNumber(Math.Max(0, days));
            case Aggregation.Rate:
                decimal periods = Definition.Per switch
                {
                    RatePeriod.Day => _window!.Value,
                    RatePeriod.Week => _window!.Value / 7m,
                    RatePeriod.Month => _window!.Value / (decimal)MonthDays,
                    _ => buckets.Count - start,
                };
                return ComputedValue.FromNumber(CountFrom(buckets, start) / periods);
            default:
                var values = start == buckets.Count - 1 ? buckets[start].Values! : Union(buckets, start);
                return _aggregation switch
                {
                    Aggregation.MostFrequent => ComputedValue.FromText(Tally.MostFrequent(values)!),
                    Aggregation.DistinctCount => ComputedValue.FromNumber(values.Count),
                    _ => ComputedValue.FromList([.. values.Keys.Order(StringComparer.Ordinal)]),
                };
        }
    }

    /// <summary>
    /// The earliest moment after <paramref name="now"/> at which the value may change with no new event: the start
    /// of the UTC day the oldest day in the window leaves it, or for days_since the next whole day; null when only
    /// events change it. For scheduling segment re-evaluation and expiry.
    /// </summary>
    public DateTimeOffset? ChangesAt(TraitState state, DateTimeOffset now)
    {
        Check(state);
        var buckets = state.Buckets;
        var start = WindowStart(buckets, now);
        if (start == buckets.Count)
        {
            return null;
        }

        DateTimeOffset? next = _window is { } window ? new DateTimeOffset((buckets[start].Day + (long)window) * TimeSpan.TicksPerDay, TimeSpan.Zero) : null;
        if (_aggregation == Aggregation.DaysSince)
        {
            var last = buckets[^1].Last!.At;
            var tick = last.AddDays(Math.Max(0, (now.UtcTicks - last.UtcTicks) / TimeSpan.TicksPerDay) + 1);
            next = next is { } expiry && expiry < tick ? expiry : tick;
        }

        return next;
    }

    /// <summary>Days since 0001-01-01 in UTC: the bucket an event at <paramref name="moment"/> falls in.</summary>
    internal static int DayOf(DateTimeOffset moment) => (int)(moment.UtcTicks / TimeSpan.TicksPerDay);

    /// <summary>The text a value is counted under: strings as they are, numbers without trailing zeros, true/false.</summary>
    internal static string? Key(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? Normalize(number).ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static decimal Normalize(decimal number) => number / 1.0000000000000000000000000000m;

    private static bool TryScalar(JsonElement element, out ComputedValue value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: value = ComputedValue.FromText(element.GetString()!); return true;
            case JsonValueKind.Number when element.TryGetDecimal(out var number): value = ComputedValue.FromNumber(number); return true;
            case JsonValueKind.True or JsonValueKind.False: value = ComputedValue.FromBoolean(element.ValueKind == JsonValueKind.True); return true;
            default: value = ComputedValue.None; return false;
        }
    }

    private bool NameMatches(JsonElement name)
    {
        if (name.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        foreach (var wanted in _events)
        {
            if (name.ValueEquals(wanted))
            {
                return true;
            }
        }

        return false;
    }

    private void AddNumber(Tally bucket, decimal number)
    {
        bucket.Count++;
        switch (_aggregation)
        {
            case Aggregation.Min: bucket.Min = bucket.Min is { } min ? Math.Min(min, number) : number; break;
            case Aggregation.Max: bucket.Max = bucket.Max is { } max ? Math.Max(max, number) : number; break;
            default: bucket.Sum += number; break;
        }
    }

    private void AddObservation(Tally bucket, Observation observation)
    {
        bucket.Count++;
        if (_aggregation == Aggregation.First)
        {
            bucket.First = Observation.Earlier(bucket.First, observation);
        }
        else
        {
            bucket.Last = Observation.Later(bucket.Last, observation);
        }
    }

    private ComputedValue Read(Observation observation) =>
        Definition.Property is null ? ComputedValue.FromTimestamp(observation.At) : observation.Value;

    private static Tally Bucket(List<Tally> buckets, int day)
    {
        // Events mostly arrive in time order, so the day is almost always the last one or a new last one.
        if (buckets.Count > 0 && buckets[^1].Day == day)
        {
            return buckets[^1];
        }

        var index = buckets.Count;
        while (index > 0 && buckets[index - 1].Day > day)
        {
            index--;
        }

        if (index > 0 && buckets[index - 1].Day == day)
        {
            return buckets[index - 1];
        }

        var bucket = new Tally { Day = day };
        buckets.Insert(index, bucket);
        return bucket;
    }

    /// <summary>
    /// Keeps only the days a window ending at the newest day holds: whatever the moment of reading (at or after
    /// the newest event), older days are outside the window, so the state never holds more than the window's days.
    /// </summary>
    private void Prune(List<Tally> buckets)
    {
        if (_window is not { } window || buckets.Count == 0)
        {
            return;
        }

        var oldest = buckets[^1].Day - window + 1;
        var drop = 0;
        while (drop < buckets.Count && buckets[drop].Day < oldest)
        {
            drop++;
        }

        buckets.RemoveRange(0, drop);
    }

    private int WindowStart(List<Tally> buckets, DateTimeOffset now)
    {
        if (_window is not { } window)
        {
            return 0;
        }

        var oldest = DayOf(now) - window + 1;
        var start = 0;
        while (start < buckets.Count && buckets[start].Day < oldest)
        {
            start++;
        }

        return start;
    }

    private static long CountFrom(List<Tally> buckets, int start)
    {
        long count = 0;
        for (var i = start; i < buckets.Count; i++)
        {
            count += buckets[i].Count;
        }

        return count;
    }

    private static decimal SumFrom(List<Tally> buckets, int start)
    {
        decimal sum = 0;
        for (var i = start; i < buckets.Count; i++)
        {
            sum += buckets[i].Sum;
        }

        return sum;
    }

    private static Dictionary<string, long> Union(List<Tally> buckets, int start)
    {
        var union = t_scratch ??= new Dictionary<string, long>(StringComparer.Ordinal);
        union.Clear();
        for (var i = start; i < buckets.Count; i++)
        {
            foreach (var (value, times) in buckets[i].Values!)
            {
                union[value] = union.GetValueOrDefault(value) + times;
            }
        }

        return union;
    }

    private void Check(TraitState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!IsCurrent(state))
        {
            throw new ArgumentException($"The state was built by definition {state.Fingerprint}, not {Name}'s current {Fingerprint}: recompute it.", nameof(state));
        }
    }
}
