namespace Sightline.Core.Storage;

/// <summary>API keys, stored only as SHA-256 hashes.</summary>
public interface IApiKeyStore
{
    Task AddAsync(string name, string role, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>The key with this hash, or null.</summary>
    Task<ApiKeyInfo?> FindAsync(byte[] keyHash, CancellationToken cancellationToken);

    Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>Every key's id, name, role and creation time (never the key).</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a key; false when there was none with this id.</summary>
    Task<bool> RevokeAsync(long id, CancellationToken cancellationToken);
}

/// <summary>An API key as listed: what it is for, never the key itself.</summary>
public sealed record ApiKeyInfo(long Id, string Name, string Role, DateTimeOffset CreatedAt);
