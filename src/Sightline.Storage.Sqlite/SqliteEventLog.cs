using System.Text;
using Microsoft.Data.Sqlite;
using Sightline.Core.Events;
using Sightline.Core.Import;
using Sightline.Core.Privacy;
using Sightline.Core.Storage;
using SQLitePCL;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// The event log in SQLite. Appends come from one writer (the group commit) on one connection
/// with prepared statements; reads open their own connections, which WAL lets run alongside.
/// </summary>
public sealed class SqliteEventLog(SqliteDatabase database) : IEventLog, IQuarantine, IImportStore, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Appender? _appender;

    public Task<int> AppendAsync(IReadOnlyList<LogEntry> entries, IReadOnlyList<QuarantineEntry> quarantine, CancellationToken cancellationToken) =>
        WithAppenderAsync(appender => appender.Append(entries, quarantine), cancellationToken);

    /// <summary>Runs <paramref name="work"/> on the one writing connection, one caller at a time.</summary>
    private async Task<T> WithAppenderAsync<T>(Func<Appender, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _appender ??= new Appender(database.Open(), database.Protector);
            return work(_appender);
        }
        catch
        {
            // The connection may be in an unknown state after a failure; start afresh next time.
            _appender?.Dispose();
            _appender = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<long> StartImportAsync(long sourceId, string file, string mappingJson, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO imports (source_id, file, mapping, started_at) VALUES ($source, $file, $mapping, $at) RETURNING id";
        command.Parameters.AddWithValue("$source", sourceId);
        command.Parameters.AddWithValue("$file", file);
        command.Parameters.AddWithValue("$mapping", mappingJson);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<ImportCounts> AppendImportAsync(
        long sourceId, long importId, IReadOnlyList<MappedRow> rows, Func<MappedRow, string, BuiltMessage> message,
        IReadOnlyList<QuarantinedRow> quarantined, CancellationToken cancellationToken) =>
        WithAppenderAsync(appender => appender.AppendImport(sourceId, importId, rows, message, quarantined), cancellationToken);

    public async Task<string?> LastMappingAsync(long sourceId, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT mapping FROM imports WHERE source_id = $source ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$source", sourceId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<ImportRecord?> FindImportAsync(long importId, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, source_id, file, mapping FROM imports WHERE id = $id";
        command.Parameters.AddWithValue("$id", importId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ImportRecord(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)) : null;
    }

    public async Task<IReadOnlyList<StoredQuarantineRow>> QuarantinedRowsAsync(long? importId, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, import_id, line, payload FROM quarantine
            WHERE import_id IS NOT NULL AND ($import IS NULL OR import_id = $import) {(ids.Count > 0 ? $"AND id IN ({string.Join(',', ids)})" : "")}
            ORDER BY import_id, line, id
            """;
        command.Parameters.AddWithValue("$import", (object?)importId ?? DBNull.Value);
        var rows = new List<StoredQuarantineRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredQuarantineRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), database.Protector.OpenQuarantined((byte[])reader.GetValue(3))));
        }

        return rows;
    }

    public async Task<int> DiscardAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM quarantine WHERE id IN ({string.Join(',', ids)})";
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishImportAsync(long importId, ImportSummary summary, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE imports SET finished_at = $at, rows_read = $read, imported = $imported, updated = $updated, unchanged = $unchanged, quarantined = $quarantined,
                suppressed = $suppressed
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$read", summary.Read);
        command.Parameters.AddWithValue("$imported", summary.Imported);
        command.Parameters.AddWithValue("$updated", summary.Updated);
        command.Parameters.AddWithValue("$unchanged", summary.Unchanged);
        command.Parameters.AddWithValue("$quarantined", summary.Quarantined);
        command.Parameters.AddWithValue("$suppressed", summary.Suppressed);
        command.Parameters.AddWithValue("$id", importId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        ReadAsync(afterSequence, limit, null, cancellationToken);

    public Task<IReadOnlyList<LoggedEvent>> ReadAsync(long afterSequence, int limit, PayloadBuffer? payloads, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        using var query = new RawStatement(
            connection,
            """
            SELECT e.seq, s.name, e.message_id, e.type, e.received_at, e.timestamp, e.payload
            FROM events e JOIN sources s ON s.id = e.source_id
            WHERE e.seq > ?1 ORDER BY e.seq LIMIT ?2
            """);
        query.Bind(1, afterSequence).Bind(2, limit);
        return Task.FromResult(ReadEvents(query, database.Protector, payloads));
    }

    /// <summary>
    /// Reads rows of (seq, source name, message_id, type, received_at, timestamp, payload), in that column order. The
    /// pipeline reads every event this way: each payload is opened where SQLite holds it, and the few source and type
    /// names are read once, not once a row. With <paramref name="payloads"/>, payloads are opened into it (reset first).
    /// </summary>
    internal static IReadOnlyList<LoggedEvent> ReadEvents(RawStatement query, FieldProtector protector, PayloadBuffer? payloads = null)
    {
        payloads?.Reset();
        var events = new List<LoggedEvent>();
        var names = new List<(byte[] Utf8, string Text)>();
        while (query.Read())
        {
            events.Add(new LoggedEvent
            {
                Sequence = query.Int64(0),
                Source = Name(names, query.Bytes(1)),
                MessageId = Encoding.UTF8.GetString(query.Bytes(2)),
                Type = MessageTypes.Parse(Name(names, query.Bytes(3))),
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(query.Int64(4)),
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(query.Int64(5)),
                Json = Payload(query.Bytes(6)),
            });
        }

        return events;

        ReadOnlyMemory<byte> Payload(ReadOnlySpan<byte> stored)
        {
            if (payloads is null)
            {
                return protector.Open(stored, ProtectedColumns.EventPayload);
            }

            var opened = payloads.Take(FieldProtector.OpenedLength(stored));
            protector.Open(stored, ProtectedColumns.EventPayload, opened.Span);
            return opened;
        }

        static string Name(List<(byte[] Utf8, string Text)> names, ReadOnlySpan<byte> utf8)
        {
            foreach (var (known, text) in names)
            {
                if (utf8.SequenceEqual(known))
                {
                    return text;
                }
            }

            var name = Encoding.UTF8.GetString(utf8);
            names.Add((utf8.ToArray(), name));
            return name;
        }
    }

    public async Task<IReadOnlyList<QuarantinedMessage>> ListAsync(string? source, int limit, CancellationToken cancellationToken, long? importId = null, long? beforeId = null)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            {QuarantineSelect}
            WHERE ($source IS NULL OR s.name = $source) AND ($import IS NULL OR q.import_id = $import) AND q.id < $before
            ORDER BY q.id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
        command.Parameters.AddWithValue("$import", (object?)importId ?? DBNull.Value);
        command.Parameters.AddWithValue("$before", beforeId ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadQuarantineAsync(command, database.Protector, cancellationToken);
    }

    public async Task<IReadOnlyList<QuarantineGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.name, g.import_id, i.file, g.waiting
            FROM (SELECT source_id, import_id, count(*) AS waiting FROM quarantine GROUP BY source_id, import_id) g
            LEFT JOIN sources s ON s.id = g.source_id LEFT JOIN imports i ON i.id = g.import_id
            ORDER BY s.name, g.import_id
            """;
        var groups = new List<QuarantineGroup>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new QuarantineGroup(
                reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)));
        }

        return groups;
    }

    public async Task<QuarantinedMessage?> FindAsync(long id, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"{QuarantineSelect} WHERE q.id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await ReadQuarantineAsync(command, database.Protector, cancellationToken) is [var entry, ..] ? entry : null;
    }

    internal const string QuarantineSelect = """
        SELECT q.id, s.name, q.received_at, q.message_index, q.message_id, q.field, q.reason, q.payload, q.import_id, i.file, q.line
        FROM quarantine q LEFT JOIN sources s ON s.id = q.source_id LEFT JOIN imports i ON i.id = q.import_id
        """;

    private static async Task<IReadOnlyList<QuarantinedMessage>> ReadQuarantineAsync(SqliteCommand command, FieldProtector protector, CancellationToken cancellationToken)
    {
        var rows = new List<QuarantinedMessage>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadQuarantined(reader, protector));
        }

        return rows;
    }

    /// <summary>The row <see cref="QuarantineSelect"/> selects.</summary>
    internal static QuarantinedMessage ReadQuarantined(SqliteDataReader reader, FieldProtector protector) =>
        new()
        {
            Id = reader.GetInt64(0),
            Source = reader.IsDBNull(1) ? null : reader.GetString(1),
            ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            Index = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            MessageId = reader.IsDBNull(4) ? null : reader.GetString(4),
            Field = reader.GetString(5),
            Reason = reader.GetString(6),
            Payload = protector.OpenQuarantined((byte[])reader.GetValue(7)),
            ImportId = reader.IsDBNull(8) ? null : reader.GetInt64(8),
            File = reader.IsDBNull(9) ? null : reader.GetString(9),
            Line = reader.IsDBNull(10) ? null : reader.GetInt64(10),
        };

    public void Dispose()
    {
        _appender?.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// A connection with its insert statements prepared once and reused for every commit. Events, the hot
    /// path, are bound and stepped through SQLitePCL directly: Microsoft.Data.Sqlite's per-row overhead was
    /// about a sixth of the raw append time (bench/results/ingestion.md).
    /// </summary>
    private sealed class Appender : IDisposable
    {
        private static readonly byte[][] TypeNames = [.. Enum.GetValues<MessageType>().Select(t => System.Text.Encoding.UTF8.GetBytes(MessageTypes.Name(t)))];

        private readonly SqliteConnection _connection;
        private readonly FieldProtector _protector;
        private readonly sqlite3_stmt _insertEvent;
        private readonly SqliteCommand _insertQuarantine;
        private readonly sqlite3_stmt _findRecord;
        private readonly sqlite3_stmt _saveRecord;
        private SqliteTransaction? _transaction;
        private readonly SqliteCommand _insertImportQuarantine;
        private readonly SqliteCommand _deleteQuarantine;
        private readonly SqliteCommand _findQuarantined;
        private readonly SqliteCommand _updateQuarantine;
        private readonly SqliteCommand _countTraffic;

        // The traffic counters of the transaction under way, written just before it commits.
        private readonly Dictionary<(long Hour, long Source, int Type), (long Events, long Rejected, long LastAt)> _traffic = [];

        // Payloads are sealed into this one buffer, which SQLite copies on bind: no array per event on the hot path.
        private byte[] _sealed = new byte[4096];

        public Appender(SqliteConnection connection, FieldProtector protector)
        {
            _connection = connection;
            _protector = protector;
            Check(raw.sqlite3_prepare_v2(
                connection.Handle,
                "INSERT OR IGNORE INTO events (source_id, message_id, type, received_at, timestamp, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                out _insertEvent));
            _insertQuarantine = Prepared(
                connection,
                "INSERT INTO quarantine (source_id, received_at, message_index, message_id, field, reason, payload) VALUES ($source, $received, $index, $id, $field, $reason, $payload)",
                "$source", "$received", "$index", "$id", "$field", "$reason", "$payload");
            _insertImportQuarantine = Prepared(
                connection,
                "INSERT INTO quarantine (source_id, received_at, message_id, field, reason, payload, import_id, line) VALUES ($source, $received, $id, $field, $reason, $payload, $import, $line)",
                "$source", "$received", "$id", "$field", "$reason", "$payload", "$import", "$line");
            _deleteQuarantine = Prepared(connection, "DELETE FROM quarantine WHERE id = $id", "$id");
            // Payloads are compared once opened: sealing the same row twice gives different bytes.
            _findQuarantined = Prepared(
                connection,
                "SELECT payload FROM quarantine WHERE source_id = $source AND line = $line AND reason = $reason",
                "$source", "$line", "$reason");
            _updateQuarantine = Prepared(connection, "UPDATE quarantine SET field = $field, reason = $reason WHERE id = $id", "$field", "$reason", "$id");
            _countTraffic = Prepared(
                connection,
                """
                INSERT INTO traffic (hour, source_id, type, events, rejected, last_at) VALUES ($hour, $source, $type, $events, $rejected, $last)
                ON CONFLICT (hour, source_id, type) DO UPDATE SET
                    events = events + excluded.events, rejected = rejected + excluded.rejected, last_at = max(last_at, excluded.last_at)
                """,
                "$hour", "$source", "$type", "$events", "$rejected", "$last");
            // Looked up and saved once per imported row: bound and stepped directly, like event inserts.
            Check(raw.sqlite3_prepare_v2(connection.Handle, "SELECT hash, version FROM import_records WHERE source_id = ?1 AND record_id = ?2", out _findRecord));
            Check(raw.sqlite3_prepare_v2(
                connection.Handle, "INSERT OR REPLACE INTO import_records (source_id, record_id, hash, version) VALUES (?1, ?2, ?3, ?4)", out _saveRecord));
        }

        private static SqliteCommand Prepared(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }

        public ImportCounts AppendImport(
            long sourceId, long importId, IReadOnlyList<MappedRow> rows, Func<MappedRow, string, BuiltMessage> build, IReadOnlyList<QuarantinedRow> quarantined)
        {
            using var transaction = _connection.BeginTransaction();
            _transaction = transaction;
            _insertImportQuarantine.Transaction = transaction;
            int imported = 0, updated = 0, unchanged = 0, rejected = 0;
            var now = DateTimeOffset.UtcNow;
            foreach (var row in rows)
            {
                raw.sqlite3_bind_int64(_findRecord, 1, sourceId);
                raw.sqlite3_bind_text(_findRecord, 2, row.RecordId);
                byte[]? hash = null;
                long version = 0;
                var found = raw.sqlite3_step(_findRecord);
                if (found == raw.SQLITE_ROW)
                {
                    hash = raw.sqlite3_column_blob(_findRecord, 0).ToArray();
                    version = raw.sqlite3_column_int64(_findRecord, 1);
                }
                else if (found != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(_findRecord);
                    Check(found);
                }

                raw.sqlite3_reset(_findRecord);
                if (hash is not null && hash.AsSpan().SequenceEqual(row.Hash))
                {
                    unchanged++;
                    Resolve(row);
                    continue;
                }

                var messageId = version == 0 ? row.RecordId : $"{row.RecordId}#v{version + 1}";
                var (message, rejection) = build(row, messageId);
                if (message is null)
                {
                    rejected++;
                    Quarantine(sourceId, importId, now, new QuarantinedRow(row.Line, row.RecordId, rejection!.Field, rejection.Reason, row.Body) { QuarantineId = row.QuarantineId });
                    continue;
                }

                InsertEvent(sourceId, message);
                raw.sqlite3_bind_int64(_saveRecord, 1, sourceId);
                raw.sqlite3_bind_text(_saveRecord, 2, row.RecordId);
                raw.sqlite3_bind_blob(_saveRecord, 3, row.Hash);
                raw.sqlite3_bind_int64(_saveRecord, 4, version + 1);
                var saved = raw.sqlite3_step(_saveRecord);
                raw.sqlite3_reset(_saveRecord);
                if (saved != raw.SQLITE_DONE)
                {
                    Check(saved);
                }

                Resolve(row);
                if (version == 0)
                {
                    imported++;
                }
                else
                {
                    updated++;
                }
            }

            foreach (var row in quarantined)
            {
                Quarantine(sourceId, importId, now, row);
            }

            WriteTraffic(transaction);
            transaction.Commit();
            return new ImportCounts(imported, updated, unchanged, rejected + quarantined.Count);
        }

        private void Resolve(MappedRow row)
        {
            if (row.QuarantineId is { } id)
            {
                _deleteQuarantine.Transaction = _transaction;
                _deleteQuarantine.Parameters[0].Value = id;
                _deleteQuarantine.ExecuteNonQuery();
            }
        }

        private void Quarantine(long sourceId, long importId, DateTimeOffset at, QuarantinedRow row)
        {
            if (row.QuarantineId is { } id)
            {
                // A retried row that fails again keeps its entry, with the new reason.
                _updateQuarantine.Transaction = _transaction;
                _updateQuarantine.Parameters[0].Value = row.Column;
                _updateQuarantine.Parameters[1].Value = row.Reason;
                _updateQuarantine.Parameters[2].Value = id;
                _updateQuarantine.ExecuteNonQuery();
                return;
            }

            // The same bad row imported again is already waiting in the quarantine; a second entry would only
            // make the list longer.
            _findQuarantined.Transaction = _transaction;
            _findQuarantined.Parameters[0].Value = sourceId;
            _findQuarantined.Parameters[1].Value = row.Line;
            _findQuarantined.Parameters[2].Value = row.Reason;
            using (var waiting = _findQuarantined.ExecuteReader())
            {
                while (waiting.Read())
                {
                    if (_protector.OpenQuarantined((byte[])waiting.GetValue(0)).AsSpan().SequenceEqual(row.Row))
                    {
                        return;
                    }
                }
            }

            var q = _insertImportQuarantine.Parameters;
            q[0].Value = sourceId;
            q[1].Value = at.ToUnixTimeMilliseconds();
            q[2].Value = (object?)row.RecordId ?? DBNull.Value;
            q[3].Value = row.Column;
            q[4].Value = row.Reason;
            q[5].Value = _protector.Seal(row.Row, ProtectedColumns.QuarantinePayload);
            q[6].Value = importId;
            q[7].Value = row.Line;
            _insertImportQuarantine.ExecuteNonQuery();
            Count(at.ToUnixTimeMilliseconds(), sourceId, Rejection, accepted: 0);
        }

        // The counter row of rejections: their message type may be unknown.
        private const int Rejection = -1;

        private void Count(long receivedAt, long sourceId, int type, int accepted)
        {
            ref var tally = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_traffic, (receivedAt / 3_600_000, sourceId, type), out _);
            tally = accepted > 0
                ? (tally.Events + accepted, tally.Rejected, Math.Max(tally.LastAt, receivedAt))
                : (tally.Events, tally.Rejected + 1, tally.LastAt);
        }

        private void WriteTraffic(SqliteTransaction transaction)
        {
            _countTraffic.Transaction = transaction;
            var p = _countTraffic.Parameters;
            foreach (var ((hour, source, type), (events, rejected, lastAt)) in _traffic)
            {
                p[0].Value = hour;
                p[1].Value = source;
                p[2].Value = type == Rejection ? "" : MessageTypes.Name((MessageType)type);
                p[3].Value = events;
                p[4].Value = rejected;
                p[5].Value = lastAt;
                _countTraffic.ExecuteNonQuery();
            }

            _traffic.Clear();
        }

        public int Append(IReadOnlyList<LogEntry> entries, IReadOnlyList<QuarantineEntry> quarantine)
        {
            // Deferred: its first statement writes the log, so it locks the log's file only, not the derived state the
            // pipeline commits to (BEGIN IMMEDIATE reserves every attached database).
            using var transaction = _connection.BeginTransaction(deferred: true);
            var added = 0;
            foreach (var (sourceId, message) in entries)
            {
                added += InsertEvent(sourceId, message);
            }

            _insertQuarantine.Transaction = transaction;
            var q = _insertQuarantine.Parameters;
            foreach (var (sourceId, receivedAt, rejection) in quarantine)
            {
                q[0].Value = (object?)sourceId ?? DBNull.Value;
                q[1].Value = receivedAt.ToUnixTimeMilliseconds();
                q[2].Value = (object?)rejection.Index ?? DBNull.Value;
                q[3].Value = (object?)rejection.MessageId ?? DBNull.Value;
                q[4].Value = rejection.Field;
                q[5].Value = rejection.Reason;
                q[6].Value = _protector.Seal(rejection.RawPayload, ProtectedColumns.QuarantinePayload);
                _insertQuarantine.ExecuteNonQuery();
                Count(receivedAt.ToUnixTimeMilliseconds(), sourceId ?? 0, Rejection, accepted: 0);
            }

            WriteTraffic(transaction);
            transaction.Commit();
            return added;
        }

        private int InsertEvent(long sourceId, EventMessage message)
        {
            var statement = _insertEvent;
            raw.sqlite3_bind_int64(statement, 1, sourceId);
            raw.sqlite3_bind_text(statement, 2, message.MessageId);
            raw.sqlite3_bind_text(statement, 3, TypeNames[(int)message.Type]);
            raw.sqlite3_bind_int64(statement, 4, message.ReceivedAt.ToUnixTimeMilliseconds());
            raw.sqlite3_bind_int64(statement, 5, message.Timestamp.ToUnixTimeMilliseconds());
            if (_protector.CurrentKeyId is null)
            {
                raw.sqlite3_bind_blob(statement, 6, message.Json);
            }
            else
            {
                var length = _protector.StoredLength(message.Json.Length);
                if (_sealed.Length < length)
                {
                    _sealed = new byte[Math.Max(length, _sealed.Length * 2)];
                }

                raw.sqlite3_bind_blob(statement, 6, _sealed.AsSpan(0, _protector.Seal(message.Json, ProtectedColumns.EventPayload, _sealed)));
            }
            var result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            var added = raw.sqlite3_changes(_connection.Handle);
            if (added > 0)
            {
                Count(message.ReceivedAt.ToUnixTimeMilliseconds(), sourceId, (int)message.Type, added);
            }

            return added;
        }

        public void Dispose()
        {
            _insertEvent.Dispose();
            _findRecord.Dispose();
            _saveRecord.Dispose();
            _insertImportQuarantine.Dispose();
            _deleteQuarantine.Dispose();
            _findQuarantined.Dispose();
            _updateQuarantine.Dispose();
            _insertQuarantine.Dispose();
            _countTraffic.Dispose();
            _connection.Dispose();
        }

        private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _connection.Handle);
    }
}
