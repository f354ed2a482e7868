using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Sightline.Core.Storage;
using Sightline.Server.Access;

namespace Sightline.Server.Dashboard.Users;

/// <summary>
/// The people who sign in to the dashboard. Passwords are kept as ASP.NET Core Identity's PBKDF2 hashes
/// (HMAC-SHA512, 100,000 iterations, salted); after <see cref="MaxFailures"/> wrong passwords in a row the user is
/// locked out for <see cref="Lockout"/>, and every further wrong password while locked extends it.
/// </summary>
public sealed class DashboardUsers(IDashboardUserStore store, TimeProvider time)
{
    public const int MaxFailures = 5;
    public const int MinPasswordLength = 10;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(5);

    /// <summary>The name of the first admin, created at first start.</summary>
    public const string FirstAdmin = "admin";

    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    // Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Adds a user; the problem with the input when it cannot (name taken, unknown role, short password).</summary>
    public async Task<string?> AddAsync(string name, string role, string password, CancellationToken cancellationToken)
    {
        if (Problem(name, role, password) is { } problem)
        {
            return problem;
        }

        return await store.AddAsync(name.Trim(), role, Hasher.HashPassword(null!, password), cancellationToken)
            ? null
            : $"name: a user named \"{name.Trim()}\" exists already";
    }

    /// <summary>Sets a new password and signs the user out everywhere; the problem when it cannot.</summary>
    public async Task<string?> SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        if (password.Length < MinPasswordLength)
        {
            return $"password: at least {MinPasswordLength} characters";
        }

        return await store.SetPasswordAsync(name, Hasher.HashPassword(null!, password), Guid.NewGuid().ToString("N"), cancellationToken)
            ? null
            : $"name: no user named \"{name}\"";
    }

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) => store.RemoveAsync(name, cancellationToken);

    public Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public Task<DashboardUser?> FindAsync(string name, CancellationToken cancellationToken) => store.FindAsync(name, cancellationToken);

    /// <summary>Checks a name and password, counting failures and locking out after too many.</summary>
    public async Task<SignInOutcome> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await store.FindAsync(name.Trim(), cancellationToken) is not { } user)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            return new SignInOutcome(null, null);
        }

        var verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (user.LockedUntil is { } until && until > now)
        {
            // Even the right password does not open a locked account: guessing must not go on meanwhile.
            if (!verified)
            {
                await store.SetFailuresAsync(user.Id, user.Failures + 1, now + Lockout, cancellationToken);
            }

            return new SignInOutcome(null, verified ? until : now + Lockout);
        }

        if (!verified)
        {
            var failures = user.Failures + 1;
            var locked = failures >= MaxFailures ? now + Lockout : (DateTimeOffset?)null;
            await store.SetFailuresAsync(user.Id, failures, locked, cancellationToken);
            return new SignInOutcome(null, locked);
        }

        if (user.Failures > 0 || user.LockedUntil is not null)
        {
            await store.SetFailuresAsync(user.Id, 0, null, cancellationToken);
        }

        return new SignInOutcome(user, null);
    }

    /// <summary>
    /// At first start (no user yet), creates <see cref="FirstAdmin"/> with <paramref name="configured"/> or a random
    /// password; returns the generated password to print once, or null.
    /// </summary>
    public async Task<string?> EnsureFirstAdminAsync(string? configured, CancellationToken cancellationToken)
    {
        if (await store.AnyAsync(cancellationToken))
        {
            return null;
        }

        var password = configured ?? Generate();
        await store.AddAsync(FirstAdmin, Roles.Admin, Hasher.HashPassword(null!, password), cancellationToken);
        return configured is null ? password : null;
    }

    /// <summary>A random password: 20 characters from an alphabet without look-alikes (about 110 bits).</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    private static string? Problem(string name, string role, string password) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? "name: 1 to 100 characters"
        : !Roles.All.Contains(role) ? $"role: one of {string.Join(", ", Roles.All)}"
        : password.Length < MinPasswordLength ? $"password: at least {MinPasswordLength} characters"
        : null;
}

/// <summary>The result of a sign-in: the user when it succeeded; <see cref="LockedUntil"/> when the account is locked.</summary>
public sealed record SignInOutcome(DashboardUser? User, DateTimeOffset? LockedUntil);
