using System.Globalization;
using Microsoft.Data.Sqlite;
using Sightline.Core.Storage;

namespace Sightline.Storage.Sqlite;

/// <summary>Dashboard users in SQLite, beside the log: they are not derived state.</summary>
public sealed class SqliteDashboardUserStore(SqliteDatabase database, TimeProvider time) : IDashboardUserStore
{
    private const string Columns = "id, name, role, password_hash, stamp, failures, locked_until, created_at";

    public async Task<bool> AddAsync(string name, string role, string passwordHash, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO dashboard_users (name, role, password_hash, stamp, created_at) VALUES ($name, $role, $hash, $stamp, $created)
            ON CONFLICT (name) DO NOTHING
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$hash", passwordHash);
        command.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("$created", time.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DashboardUser?> FindAsync(string name, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dashboard_users WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dashboard_users ORDER BY id";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<DashboardUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM dashboard_users WHERE name = $name", cancellationToken, ("$name", name)) == 1;

    public async Task<bool> SetPasswordAsync(string name, string passwordHash, string stamp, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE dashboard_users SET password_hash = $hash, stamp = $stamp, failures = 0, locked_until = NULL WHERE name = $name",
            cancellationToken, ("$name", name), ("$hash", passwordHash), ("$stamp", stamp)) == 1;

    public async Task SetFailuresAsync(long id, int failures, DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE dashboard_users SET failures = $failures, locked_until = $until WHERE id = $id",
            cancellationToken, ("$id", id), ("$failures", failures), ("$until", lockedUntil?.ToUnixTimeMilliseconds()));

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM dashboard_users)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DashboardUser Read(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
        reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
}
