namespace Sightline.Core.Audit;

/// <summary>
/// Who did what through the API, and to whom: the key (by id and name, never the key), the route pattern (never the
/// path, which may hold an e-mail), the profile id it touched and the answer. No personal value is ever stored.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Role, string Action, string? Profile, int Status)
{
    public long Id { get; init; }

    /// <summary>Why, as the caller stated it (the X-Sightline-Reason header, a privacy request's reason).</summary>
    public string? Reason { get; init; }
}

/// <summary>The audit trail.</summary>
public interface IAuditLog
{
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>Newest first, optionally only those touching one profile or made by one actor.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? profile, string? actor, int limit, CancellationToken cancellationToken);
}
