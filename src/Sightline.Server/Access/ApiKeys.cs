using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sightline.Core.Storage;
using Sightline.Server.Hosting;

namespace Sightline.Server.Access;

/// <summary>Issues and checks API keys. Keys are kept only as SHA-256 hashes and compared in constant time.</summary>
public sealed class ApiKeys(IApiKeyStore store, IOptions<SightlineOptions> options)
{
    public const string AdminRole = Roles.Admin;

    /// <summary>Creates a random key with a role, stores its hash and returns the key, which is never shown again.</summary>
    public async Task<string> IssueAsync(string name, string role, CancellationToken cancellationToken)
    {
        var key = "sl_" + role + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await store.AddAsync(name, role, Hash(key), cancellationToken);
        return key;
    }

    /// <summary>The key presented (its id, name and role), or null when it is not a key of ours.</summary>
    public async Task<ApiKeyInfo?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        if (options.Value.AdminKey is { } configured
            && CryptographicOperations.FixedTimeEquals(Hash(configured), Hash(presented)))
        {
            return new ApiKeyInfo(0, "configured admin key", AdminRole, DateTimeOffset.MinValue);
        }

        // The lookup is by hash, so timing reveals nothing about the stored keys themselves.
        return await store.FindAsync(Hash(presented), cancellationToken);
    }

    /// <summary>Creates the first admin key unless one exists or is configured; returns it to print once.</summary>
    public async Task<string?> EnsureAdminKeyAsync(CancellationToken cancellationToken) =>
        options.Value.AdminKey is null && !await store.AnyWithRoleAsync(AdminRole, cancellationToken)
            ? await IssueAsync("first admin", AdminRole, cancellationToken)
            : null;

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
