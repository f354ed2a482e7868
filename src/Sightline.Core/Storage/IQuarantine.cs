namespace Sightline.Core.Storage;

/// <summary>Read side of the quarantine; rejections are written with the log in <see cref="IEventLog.AppendAsync"/>.</summary>
public interface IQuarantine
{
    /// <summary>
    /// The newest quarantined messages first, up to <paramref name="limit"/>, optionally for one source or one import,
    /// and only those with an id below <paramref name="beforeId"/> (the next page).
    /// </summary>
    Task<IReadOnlyList<QuarantinedMessage>> ListAsync(string? source, int limit, CancellationToken cancellationToken, long? importId = null, long? beforeId = null);

    /// <summary>How many entries wait, per source and import.</summary>
    Task<IReadOnlyList<QuarantineGroup>> GroupsAsync(CancellationToken cancellationToken);

    /// <summary>One entry, or null.</summary>
    Task<QuarantinedMessage?> FindAsync(long id, CancellationToken cancellationToken);
}
