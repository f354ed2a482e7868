namespace Sightline.Core.Storage;

/// <summary>API keys, stored only as SHA-256 hashes.</summary>
public interface IApiKeyStore
{
    Task AddAsync(string name, string role, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>The role of the key with this hash, or null.</summary>
    Task<string?> FindRoleAsync(byte[] keyHash, CancellationToken cancellationToken);

    Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken);
}
