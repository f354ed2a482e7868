using Sightline.Core.Audit;

namespace Sightline.Storage.Sqlite;

/// <summary>The audit trail in the main database file, beside the log it speaks about.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO audit (at, actor, role, action, profile, status, reason) VALUES ($at, $actor, $role, $action, $profile, $status, $reason)";
        var at = command.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer);
        var actor = command.Parameters.Add("$actor", Microsoft.Data.Sqlite.SqliteType.Text);
        var role = command.Parameters.Add("$role", Microsoft.Data.Sqlite.SqliteType.Text);
        var action = command.Parameters.Add("$action", Microsoft.Data.Sqlite.SqliteType.Text);
        var profile = command.Parameters.Add("$profile", Microsoft.Data.Sqlite.SqliteType.Text);
        var status = command.Parameters.Add("$status", Microsoft.Data.Sqlite.SqliteType.Integer);
        var reason = command.Parameters.Add("$reason", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var entry in entries)
        {
            at.Value = entry.At.ToUnixTimeMilliseconds();
            actor.Value = entry.Actor;
            role.Value = entry.Role;
            action.Value = entry.Action;
            profile.Value = (object?)entry.Profile ?? DBNull.Value;
            status.Value = entry.Status;
            reason.Value = (object?)entry.Reason ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        transaction.Commit();
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? profile, string? actor, int limit, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, actor, role, action, profile, status, reason FROM audit
            WHERE ($profile IS NULL OR profile = $profile) AND ($actor IS NULL OR actor = $actor)
            ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$profile", (object?)profile ?? DBNull.Value);
        command.Parameters.AddWithValue("$actor", (object?)actor ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<AuditEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6))
            { Id = reader.GetInt64(0), Reason = reader.IsDBNull(7) ? null : reader.GetString(7) });
        }

        return entries;
    }
}
