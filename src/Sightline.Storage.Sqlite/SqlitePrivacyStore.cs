using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sightline.Core.Identity;
using Sightline.Core.Privacy;
using Sightline.Core.Storage;

namespace Sightline.Storage.Sqlite;

/// <summary>Data-subject requests, the suppression list and erasure in SQLite.</summary>
public sealed partial class SqlitePrivacyStore(SqliteDatabase database) : IPrivacyStore
{
    public async Task<long> AddRequestAsync(PrivacyRequest request, byte[] identifierHash, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO privacy_requests (type, identifier_type, identifier_hash, requested_by, reason, status, created_at)
            VALUES ($type, $identifierType, $hash, $by, $reason, $status, $at) RETURNING id
            """;
        command.Parameters.AddWithValue("$type", request.Type);
        command.Parameters.AddWithValue("$identifierType", request.IdentifierType);
        command.Parameters.AddWithValue("$hash", identifierHash);
        command.Parameters.AddWithValue("$by", request.RequestedBy);
        command.Parameters.AddWithValue("$reason", (object?)request.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", request.Status);
        command.Parameters.AddWithValue("$at", request.CreatedAt.ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task CompleteRequestAsync(long id, string status, string? profile, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE privacy_requests SET status = $status, profile = $profile, counts = $counts, completed_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$profile", (object?)profile ?? DBNull.Value);
        command.Parameters.AddWithValue("$counts", JsonSerializer.Serialize(counts));
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PrivacyRequest?> FindRequestAsync(long id, CancellationToken cancellationToken) =>
        (await RequestsAsync("WHERE id = $id", ("$id", id), cancellationToken)) is [var request] ? request : null;

    public Task<IReadOnlyList<PrivacyRequest>> ListRequestsAsync(int limit, CancellationToken cancellationToken) =>
        RequestsAsync("ORDER BY id DESC LIMIT $limit", ("$limit", limit), cancellationToken);

    private async Task<IReadOnlyList<PrivacyRequest>> RequestsAsync(string clause, (string Name, long Value) parameter, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, type, identifier_type, requested_by, reason, status, created_at, completed_at, profile, counts FROM privacy_requests {clause}";
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        var requests = new List<PrivacyRequest>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new PrivacyRequest
            {
                Id = reader.GetInt64(0),
                Type = reader.GetString(1),
                IdentifierType = reader.GetString(2),
                RequestedBy = reader.GetString(3),
                Reason = reader.IsDBNull(4) ? null : reader.GetString(4),
                Status = reader.GetString(5),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                CompletedAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                Profile = reader.IsDBNull(8) ? null : reader.GetString(8),
                Counts = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(9))!,
            });
        }

        return requests;
    }

    public async Task<IReadOnlyList<byte[]>> SuppressedAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM suppressions";
        var hashes = new List<byte[]>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes.Add((byte[])reader.GetValue(0));
        }

        return hashes;
    }

    public async Task<IReadOnlyList<(Identifier Identifier, bool Shared)>> PersonIdentifiersAsync(ProfileId profile, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type, value, EXISTS (
                SELECT 1 FROM identities o JOIN profiles p ON p.id = o.profile_id
                WHERE o.type = i.type AND o.lookup = i.lookup AND p.canonical_id != $profile)
            FROM identities i JOIN profiles p ON p.id = i.profile_id WHERE p.canonical_id = $profile
            """;
        command.Parameters.AddWithValue("$profile", profile.Value);
        var identifiers = new List<(Identifier, bool)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            identifiers.Add((new Identifier(reader.GetString(0), database.Protector.OpenText(reader.GetValue(1), ProtectedColumns.IdentityValue)), reader.GetBoolean(2)));
        }

        return identifiers;
    }

    public async Task<IReadOnlyList<long>> PendingSuggestionsAsync(ProfileId profile, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id FROM merge_suggestions s
            WHERE s.status = 'pending' AND EXISTS (SELECT 1 FROM profiles p WHERE p.canonical_id = $profile AND p.id IN (s.low_id, s.high_id))
            ORDER BY s.id
            """;
        command.Parameters.AddWithValue("$profile", profile.Value);
        var ids = new List<long>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async IAsyncEnumerable<QuarantinedMessage> QuarantinedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"{SqliteEventLog.QuarantineSelect} ORDER BY q.id";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SqliteEventLog.ReadQuarantined(reader, database.Protector);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> EraseAsync(
        ProfileId profile, IReadOnlyList<byte[]> suppress, IReadOnlyList<long> quarantineIds, long requestId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        using (var connection = database.Open())
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"""
                CREATE TEMP TABLE IF NOT EXISTS erased_profiles (id INTEGER PRIMARY KEY);
                CREATE TEMP TABLE IF NOT EXISTS erased_events (seq INTEGER PRIMARY KEY);
                DELETE FROM erased_profiles; DELETE FROM erased_events;
                INSERT INTO erased_profiles SELECT id FROM profiles WHERE canonical_id = $profile;
                {SequenceRanges.With}
                INSERT INTO erased_events SELECT ep.seq FROM {SequenceRanges.From("event_profiles", "ep")} WHERE p.id IN (SELECT id FROM erased_profiles) AND {SequenceRanges.On("ep")};
                """, ("$profile", profile.Value));
            counts["profiles"] = Count(connection, transaction, "SELECT count(*) FROM erased_profiles");
            counts["import_records"] = DeleteImportRecords(connection, transaction, "SELECT seq FROM erased_events");
            counts["events"] = Execute(connection, transaction, "DELETE FROM events WHERE seq IN (SELECT seq FROM erased_events)");
            counts["identities"] = Execute(connection, transaction, "DELETE FROM identities WHERE profile_id IN (SELECT id FROM erased_profiles)");
            counts["traits"] = Execute(connection, transaction, $"""
                {SequenceRanges.With}
                DELETE FROM traits WHERE rowid IN (
                    SELECT t.rowid FROM {SequenceRanges.From("traits", "t")} WHERE p.id IN (SELECT id FROM erased_profiles) AND {SequenceRanges.On("t")})
                """);
            Execute(connection, transaction, "DELETE FROM latest_traits WHERE profile_id IN (SELECT id FROM erased_profiles)");
            counts["consents"] = Execute(connection, transaction, "DELETE FROM consents WHERE profile_id IN (SELECT id FROM erased_profiles)");
            counts["merges"] = Execute(connection, transaction, """
                DELETE FROM merges WHERE from_id IN (SELECT id FROM erased_profiles) OR into_id IN (SELECT id FROM erased_profiles)
                """);
            counts["merge_suggestions"] = Execute(connection, transaction, """
                DELETE FROM merge_suggestions WHERE low_id IN (SELECT id FROM erased_profiles) OR high_id IN (SELECT id FROM erased_profiles)
                """);
            counts["decisions"] = Execute(connection, transaction, """
                DELETE FROM approved_matches WHERE profile_id IN (SELECT id FROM erased_profiles) OR other_id IN (SELECT id FROM erased_profiles)
                """) + Execute(connection, transaction, """
                DELETE FROM separations WHERE from_id IN (SELECT id FROM erased_profiles) OR into_id IN (SELECT id FROM erased_profiles)
                """);
            counts["segment_memberships"] = Execute(connection, transaction, "DELETE FROM segment_members WHERE profile_id IN (SELECT id FROM erased_profiles)");
            Execute(connection, transaction, """
                DELETE FROM segment_history WHERE profile_id IN (SELECT id FROM erased_profiles);
                DELETE FROM computed_traits WHERE profile_id IN (SELECT id FROM erased_profiles);
                """);
            Execute(connection, transaction, "DELETE FROM event_profiles WHERE seq IN (SELECT seq FROM erased_events)");
            Execute(connection, transaction, "DELETE FROM profiles WHERE id IN (SELECT id FROM erased_profiles)");
            counts["quarantine"] = quarantineIds.Sum(id => Execute(connection, transaction, "DELETE FROM quarantine WHERE id = $id", ("$id", id)));
            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var hash in suppress)
            {
                Execute(connection, transaction, "INSERT OR IGNORE INTO suppressions (hash, request_id, created_at) VALUES ($hash, $request, $at)", ("$hash", hash), ("$request", requestId), ("$at", at));
            }

            transaction.Commit();
            Reclaim(connection);
        }

        return Task.FromResult<IReadOnlyDictionary<string, long>>(counts);
    }

    public Task DropAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TEMP TABLE IF NOT EXISTS dropped_events (seq INTEGER PRIMARY KEY); DELETE FROM dropped_events;");
        foreach (var sequence in sequences)
        {
            Execute(connection, transaction, "INSERT OR IGNORE INTO dropped_events VALUES ($seq)", ("$seq", sequence));
        }

        Execute(connection, transaction, """
            INSERT INTO suppressed_drops (source, dropped, last_at)
            SELECT s.name, count(*), $at FROM events e JOIN sources s ON s.id = e.source_id WHERE e.seq IN (SELECT seq FROM dropped_events) GROUP BY s.name
            ON CONFLICT (source) DO UPDATE SET dropped = dropped + excluded.dropped, last_at = excluded.last_at
            """, ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        DeleteImportRecords(connection, transaction, "SELECT seq FROM dropped_events");
        Execute(connection, transaction, "DELETE FROM events WHERE seq IN (SELECT seq FROM dropped_events)");
        transaction.Commit();
        Reclaim(connection);
        return Task.CompletedTask;
    }

    public Task MinimizeAsync(IReadOnlyList<long> sequences, IReadOnlyList<ProfileId> profiles, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var targets = new HashSet<long>(sequences);
        using (var behavioural = connection.CreateCommand())
        {
            behavioural.Transaction = transaction;
            behavioural.CommandText = $"""
                {SequenceRanges.With}
                SELECT e.seq FROM {SequenceRanges.From("event_profiles", "ep")} JOIN events e ON e.seq = ep.seq
                WHERE p.canonical_id = $profile AND {SequenceRanges.On("ep")} AND e.type IN ('track', 'page', 'screen')
                """;
            var parameter = behavioural.Parameters.Add("$profile", SqliteType.Integer);
            foreach (var profile in profiles)
            {
                parameter.Value = profile.Value;
                using var reader = behavioural.ExecuteReader();
                while (reader.Read())
                {
                    targets.Add(reader.GetInt64(0));
                }
            }
        }

        var changed = 0;
        using var read = SqliteProfileStore.Command(connection, "SELECT payload FROM events WHERE seq = $seq", transaction, "$seq");
        using var write = SqliteProfileStore.Command(connection, "UPDATE events SET payload = $payload WHERE seq = $seq", transaction, "$payload", "$seq");
        foreach (var sequence in targets)
        {
            read.Parameters["$seq"].Value = sequence;
            if (read.ExecuteScalar() is not byte[] json)
            {
                continue;
            }

            if (database.Protector.StubOf(json) is { } stub)
            {
                write.Parameters["$payload"].Value = stub;
                write.Parameters["$seq"].Value = sequence;
                write.ExecuteNonQuery();
                changed++;
            }
        }

        transaction.Commit();
        if (changed > 0)
        {
            Reclaim(connection);
        }

        return Task.CompletedTask;
    }

    public Task CountDroppedAsync(string source, long count, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        Execute(connection, null, """
            INSERT INTO suppressed_drops (source, dropped, last_at) VALUES ($source, $count, $at)
            ON CONFLICT (source) DO UPDATE SET dropped = dropped + excluded.dropped, last_at = excluded.last_at
            """, ("$source", source), ("$count", count), ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyDictionary<string, long>> DroppedAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT source, sum(n) FROM (
                SELECT source, dropped AS n FROM suppressed_drops
                UNION ALL SELECT s.name, i.suppressed FROM imports i JOIN sources s ON s.id = i.source_id WHERE i.suppressed > 0)
            GROUP BY source ORDER BY source
            """;
        var dropped = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            dropped[reader.GetString(0)] = reader.GetInt64(1);
        }

        return dropped;
    }

    /// <summary>
    /// Deletes the import records of the events <paramref name="sequences"/> selects: an imported event's message id is
    /// its record id, or <c>record id#vN</c> for a later version.
    /// </summary>
    private static int DeleteImportRecords(SqliteConnection connection, SqliteTransaction transaction, string sequences)
    {
        var records = new List<(long Source, string Record)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT source_id, message_id FROM events WHERE seq IN ({sequences})";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                records.Add((reader.GetInt64(0), Version().Replace(reader.GetString(1), "")));
            }
        }

        return records.Distinct().Sum(r => Execute(
            connection, transaction, "DELETE FROM import_records WHERE source_id = $source AND record_id = $record", ("$source", r.Source), ("$record", r.Record)));
    }

    /// <summary>
    /// Empties both write-ahead logs into their databases and truncates them: the frames written before the erasure
    /// still hold the erased values until then. secure_delete (on for every connection) has zeroed the freed cells.
    /// </summary>
    internal static void Reclaim(SqliteConnection connection)
    {
        foreach (var schema in (string[])["main", "derived"])
        {
            // A reader holding an older snapshot makes the checkpoint stop short; it lets go within moments.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = $"PRAGMA {schema}.wal_checkpoint(TRUNCATE)";
                using var reader = checkpoint.ExecuteReader();
                if (reader.Read() && reader.GetInt64(0) == 0)
                {
                    break;
                }

                reader.Close();
                Thread.Sleep(100);
            }
        }
    }

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    [GeneratedRegex("#v[0-9]+$")]
    private static partial Regex Version();
}
