using Sightline.Core.Storage;

namespace Sightline.Server.Dashboard.Overview;

/// <summary>The overview's figures at <see cref="At"/>: days are UTC days, traffic is counted by the time Sightline received it.</summary>
public sealed record OverviewFigures
{
    public required DateTimeOffset At { get; init; }

    public required ProfileCounts Profiles { get; init; }

    /// <summary>Accepted and rejected messages per day, the oldest of the last 30 days first, today last.</summary>
    public required IReadOnlyList<DayCount> Days { get; init; }

    public required IReadOnlyList<Breakdown> BySource { get; init; }

    public required IReadOnlyList<Breakdown> ByType { get; init; }

    /// <summary>Entries waiting in the quarantine.</summary>
    public required long Quarantined { get; init; }

    /// <summary>Logged messages the pipeline has not made into profiles yet, and how long the oldest of them has waited.</summary>
    public required long LagEvents { get; init; }

    public required TimeSpan? LagTime { get; init; }

    /// <summary>The largest segments, largest first.</summary>
    public required IReadOnlyList<(string Name, long Members)> TopSegments { get; init; }

    public Breakdown Total => new("", Days[^1].Events, Days.TakeLast(7).Sum(d => d.Events), Days.Sum(d => d.Events));
}

/// <summary>Messages of one UTC day.</summary>
public sealed record DayCount(DateOnly Day, long Events, long Rejected);

/// <summary>Accepted messages of one source or type today, in the last 7 days and in the last 30 days (today included).</summary>
public sealed record Breakdown(string Name, long Today, long Week, long Month);
