using Sightline.Core.Audiences;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;

namespace Sightline.Server.Dashboard.Overview;

/// <summary>
/// Gathers the overview's figures. Traffic comes from hourly counters (a few hundred rows for 30 days), so it is read
/// afresh each time; profile and segment counts read a million-row index, so they are kept for
/// <see cref="SlowCountsFor"/> and read again at most that often, however many people watch the overview.
/// </summary>
public sealed class OverviewReader(IActivityCounts counts, IQuarantine quarantine, ISegmentStore segments, ProfilePipeline pipeline, TimeProvider time)
{
    public static readonly TimeSpan SlowCountsFor = TimeSpan.FromSeconds(20);

    private readonly Lock _lock = new();
    private (DateTimeOffset At, Task<(ProfileCounts, IReadOnlyList<(string, long)>)> Counts)? _slow;

    public async Task<OverviewFigures> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-29);
        var traffic = await counts.TrafficAsync(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);
        var days = Enumerable.Range(0, 30).Select(i => first.AddDays(i)).ToDictionary(d => d, d => new DayCount(d, 0, 0));
        foreach (var hour in traffic)
        {
            var day = DateOnly.FromDateTime(hour.Hour.UtcDateTime);
            if (days.TryGetValue(day, out var count))
            {
                days[day] = count with { Events = count.Events + hour.Events, Rejected = count.Rejected + hour.Rejected };
            }
        }

        var processed = pipeline.Processed;
        var head = await counts.HeadAsync(processed, cancellationToken);
        var (profiles, top) = await SlowAsync(now).WaitAsync(cancellationToken);
        return new OverviewFigures
        {
            At = now,
            Profiles = profiles,
            Days = [.. days.Values.OrderBy(d => d.Day)],
            BySource = Break(traffic.Where(t => t.Type.Length > 0), t => t.Source, today),
            ByType = Break(traffic.Where(t => t.Type.Length > 0), t => t.Type, today),
            Quarantined = (await quarantine.GroupsAsync(cancellationToken)).Sum(g => g.Count),
            LagEvents = Math.Max(0, head.LastSequence - processed),
            LagTime = head.OldestWaiting is { } oldest ? now - oldest : null,
            TopSegments = top,
        };
    }

    private static List<Breakdown> Break(IEnumerable<HourlyTraffic> traffic, Func<HourlyTraffic, string> key, DateOnly today) =>
    [
        .. traffic.GroupBy(key).Select(g => new Breakdown(
            g.Key,
            g.Where(t => Age(t, today) == 0).Sum(t => t.Events),
            g.Where(t => Age(t, today) < 7).Sum(t => t.Events),
            g.Sum(t => t.Events)))
            .OrderByDescending(b => b.Month).ThenBy(b => b.Name, StringComparer.Ordinal),
    ];

    private static int Age(HourlyTraffic traffic, DateOnly today) => today.DayNumber - DateOnly.FromDateTime(traffic.Hour.UtcDateTime).DayNumber;

    /// <summary>The slow counts, read again when older than <see cref="SlowCountsFor"/> (or failed); concurrent readers share one read.</summary>
    private Task<(ProfileCounts, IReadOnlyList<(string, long)>)> SlowAsync(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_slow is not { } slow || now - slow.At >= SlowCountsFor || slow.Counts.IsFaulted || slow.Counts.IsCanceled)
            {
                slow = (now, ReadSlowAsync(CancellationToken.None));
                _slow = slow;
            }

            return slow.Counts;
        }
    }

    private async Task<(ProfileCounts, IReadOnlyList<(string, long)>)> ReadSlowAsync(CancellationToken cancellationToken)
    {
        var sizes = await segments.SizesAsync(cancellationToken);
        var top = (await segments.ListAsync(cancellationToken))
            .Select(s => (s.Name, (long)sizes.GetValueOrDefault(s.Id)))
            .OrderByDescending(s => s.Item2).ThenBy(s => s.Name, StringComparer.Ordinal).Take(8).ToList();
        return (await counts.ProfilesAsync(cancellationToken), top);
    }
}
