using Microsoft.Data.Sqlite;
using Sightline.Core.Events;
using Sightline.Core.Storage;
using SQLitePCL;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// The event log in SQLite. Appends come from one writer (the group commit) on one connection
/// with prepared statements; reads open their own connections, which WAL lets run alongside.
/// </summary>
public sealed class SqliteEventLog(SqliteDatabase database) : IEventLog, IQuarantine, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Appender? _appender;

    public async Task<int> AppendAsync(IReadOnlyList<LogEntry> entries, IReadOnlyList<QuarantineEntry> quarantine, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _appender ??= new Appender(database.Open());
            return _appender.Append(entries, quarantine);
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

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.seq, s.name, e.message_id, e.type, e.received_at, e.timestamp, e.payload
            FROM events e JOIN sources s ON s.id = e.source_id
            WHERE e.seq > $after ORDER BY e.seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>Reads rows of (seq, source name, message_id, type, received_at, timestamp, payload), in that column order.</summary>
    internal static async Task<IReadOnlyList<LoggedEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var events = new List<LoggedEvent>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new LoggedEvent
            {
                Sequence = reader.GetInt64(0),
                Source = reader.GetString(1),
                MessageId = reader.GetString(2),
                Type = MessageTypes.Parse(reader.GetString(3)),
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                Json = (byte[])reader.GetValue(6),
            });
        }

        return events;
    }

    public async Task<IReadOnlyList<QuarantinedMessage>> ListAsync(string? source, int limit, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT q.id, s.name, q.received_at, q.message_index, q.message_id, q.field, q.reason, q.payload
            FROM quarantine q LEFT JOIN sources s ON s.id = q.source_id
            WHERE $source IS NULL OR s.name = $source
            ORDER BY q.id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<QuarantinedMessage>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QuarantinedMessage
            {
                Id = reader.GetInt64(0),
                Source = reader.IsDBNull(1) ? null : reader.GetString(1),
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                Index = reader.IsDBNull(3) ? null : reader.GetInt32(3),
                MessageId = reader.IsDBNull(4) ? null : reader.GetString(4),
                Field = reader.GetString(5),
                Reason = reader.GetString(6),
                Payload = (byte[])reader.GetValue(7),
            });
        }

        return rows;
    }

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
        private readonly sqlite3_stmt _insertEvent;
        private readonly SqliteCommand _insertQuarantine;

        public Appender(SqliteConnection connection)
        {
            _connection = connection;
            Check(raw.sqlite3_prepare_v2(
                connection.Handle,
                "INSERT OR IGNORE INTO events (source_id, message_id, type, received_at, timestamp, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                out _insertEvent));
            _insertQuarantine = connection.CreateCommand();
            _insertQuarantine.CommandText =
                "INSERT INTO quarantine (source_id, received_at, message_index, message_id, field, reason, payload) VALUES ($source, $received, $index, $id, $field, $reason, $payload)";
            foreach (var name in (ReadOnlySpan<string>)["$source", "$received", "$index", "$id", "$field", "$reason", "$payload"])
            {
                _insertQuarantine.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _insertQuarantine.Prepare();
        }

        public int Append(IReadOnlyList<LogEntry> entries, IReadOnlyList<QuarantineEntry> quarantine)
        {
            using var transaction = _connection.BeginTransaction();
            var added = 0;
            var statement = _insertEvent;
            foreach (var (sourceId, message) in entries)
            {
                raw.sqlite3_bind_int64(statement, 1, sourceId);
                raw.sqlite3_bind_text(statement, 2, message.MessageId);
                raw.sqlite3_bind_text(statement, 3, TypeNames[(int)message.Type]);
                raw.sqlite3_bind_int64(statement, 4, message.ReceivedAt.ToUnixTimeMilliseconds());
                raw.sqlite3_bind_int64(statement, 5, message.Timestamp.ToUnixTimeMilliseconds());
                raw.sqlite3_bind_blob(statement, 6, message.Json);
                var result = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (result != raw.SQLITE_DONE)
                {
                    Check(result);
                }

                added += raw.sqlite3_changes(_connection.Handle);
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
                q[6].Value = rejection.RawPayload;
                _insertQuarantine.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        }

        public void Dispose()
        {
            _insertEvent.Dispose();
            _insertQuarantine.Dispose();
            _connection.Dispose();
        }

        private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _connection.Handle);
    }
}
