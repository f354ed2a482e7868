namespace Sightline.Core.Storage;

/// <summary>The people who sign in to the dashboard: name, role and password hash (never the password).</summary>
public interface IDashboardUserStore
{
    /// <summary>Adds a user; false when the name is taken (names compare case-insensitively).</summary>
    Task<bool> AddAsync(string name, string role, string passwordHash, CancellationToken cancellationToken);

    Task<DashboardUser?> FindAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a user; false when there was none of this name.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash and the session stamp (signing out every session), and clears failures; false when there is no such user.</summary>
    Task<bool> SetPasswordAsync(string name, string passwordHash, string stamp, CancellationToken cancellationToken);

    /// <summary>Records the count of consecutive failed sign-ins and, when reached, until when the user is locked out.</summary>
    Task SetFailuresAsync(long id, int failures, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);
}

/// <summary>A dashboard user as stored.</summary>
/// <param name="Id">Its row id.</param>
/// <param name="Name">What the user signs in with (unique, case-insensitively).</param>
/// <param name="Role">One of the API key roles: admin, read, segments, privacy.</param>
/// <param name="PasswordHash">A salted PBKDF2 hash, never the password.</param>
/// <param name="Stamp">Changes with the password; a session cookie carrying an older stamp is refused.</param>
/// <param name="Failures">Consecutive failed sign-ins since the last success.</param>
/// <param name="LockedUntil">Until when sign-ins are refused, after too many failures.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record DashboardUser(long Id, string Name, string Role, string PasswordHash, string Stamp, int Failures, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);
