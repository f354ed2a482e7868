namespace Sightline.Core.Storage;

/// <summary>
/// The counts the dashboard shows at a glance, each read from counters the log writer keeps or from an index, never by
/// scanning the log: the answer stays quick on tens of millions of events.
/// </summary>
public interface IActivityCounts
{
    /// <summary>Messages accepted and rejected per hour, source and message type, from the hour holding <paramref name="since"/> on.</summary>
    Task<IReadOnlyList<HourlyTraffic>> TrafficAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Every source's newest accepted message and its rejections since it was registered.</summary>
    Task<IReadOnlyList<SourceTotals>> SourceTotalsAsync(CancellationToken cancellationToken);

    /// <summary>Live profiles, those known by more than an anonymous id, and the merges made and blocked.</summary>
    Task<ProfileCounts> ProfilesAsync(CancellationToken cancellationToken);

    /// <summary>The log's last sequence number, and when the oldest message after <paramref name="processed"/> was received.</summary>
    Task<LogHead> HeadAsync(long processed, CancellationToken cancellationToken);
}
