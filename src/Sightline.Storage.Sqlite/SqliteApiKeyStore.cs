using Sightline.Core.Storage;

namespace Sightline.Storage.Sqlite;

/// <summary>API key hashes in SQLite.</summary>
public sealed class SqliteApiKeyStore(SqliteDatabase database, TimeProvider time) : IApiKeyStore
{
    public async Task AddAsync(string name, string role, byte[] keyHash, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys (name, role, key_hash, created_at) VALUES ($name, $role, $hash, $created)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$hash", keyHash);
        command.Parameters.AddWithValue("$created", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> FindRoleAsync(byte[] keyHash, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT role FROM api_keys WHERE key_hash = $hash";
        command.Parameters.AddWithValue("$hash", keyHash);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM api_keys WHERE role = $role)";
        command.Parameters.AddWithValue("$role", role);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
