using System.Globalization;
using System.Text;
using Sightline.Core.Privacy;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// Which keys the stored personal values are under, and moving them to the current key: after a key rotation, and
/// for values written in clear before encryption was on.
/// </summary>
public sealed class SqliteEncryption(SqliteDatabase database)
{
    private const string Clear = "clear";

    /// <summary>How many stored values are in clear and under each key id; walks every protected column.</summary>
    public Task<EncryptionUsage> UsageAsync(CancellationToken cancellationToken)
    {
        var values = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var connection = database.Open();
        foreach (var column in ProtectedColumns.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT k, count(*) FROM (SELECT CASE WHEN {Sealed(column.Column)} THEN hex(substr({column.Column}, 2, 1)) ELSE '' END AS k FROM {column.Table}) GROUP BY k
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var hex = reader.GetString(0);
                var name = hex.Length == 0 ? Clear : byte.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                values[name] = values.GetValueOrDefault(name) + reader.GetInt64(1);
            }
        }

        return Task.FromResult(new EncryptionUsage(database.Protector.CurrentKeyId, values));
    }

    /// <summary>
    /// One pass over every protected column: values in clear or under another key are sealed under the current key,
    /// <paramref name="batchSize"/> rows per transaction so writers wait at most one short batch. Does nothing when
    /// values are written in clear.
    /// </summary>
    /// <returns>The values re-encrypted.</returns>
    public async Task<long> ReencryptAsync(int batchSize, TimeSpan pause, CancellationToken cancellationToken)
    {
        var protector = database.Protector;
        if (protector.CurrentKeyId is null)
        {
            return 0;
        }

        long moved = 0;
        foreach (var column in ProtectedColumns.All)
        {
            object[]? after = null;
            while (true)
            {
                var (count, last) = ReencryptBatch(column, after, batchSize);
                moved += count;
                if (last is null)
                {
                    break;
                }

                after = last;
                await Task.Delay(pause, cancellationToken);
            }
        }

        if (moved > 0)
        {
            // The frames written before still hold the old bytes (in clear, for values encrypted for the first time).
            using var connection = database.Open();
            SqliteDatabase.Execute(connection, "PRAGMA main.wal_checkpoint(TRUNCATE); PRAGMA derived.wal_checkpoint(TRUNCATE);");
        }

        return moved;
    }

    /// <summary>
    /// Forgets the keys no stored value is under any more (the current key always stays), so a start without them
    /// succeeds; the caller then removes them from the key file.
    /// </summary>
    /// <returns>The ids forgotten.</returns>
    public async Task<IReadOnlyList<byte>> RetireUnusedAsync(CancellationToken cancellationToken)
    {
        var usage = await UsageAsync(cancellationToken);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var retired = SqliteDatabase.EncryptionKeys(connection, transaction)
            .Select(key => key.Id)
            .Where(id => id != database.Protector.CurrentKeyId && usage.Values.GetValueOrDefault(id.ToString(CultureInfo.InvariantCulture)) == 0)
            .ToList();
        foreach (var id in retired)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM encryption_keys WHERE id = $id";
            delete.Parameters.AddWithValue("$id", id);
            delete.ExecuteNonQuery();
        }

        transaction.Commit();
        return retired;
    }

    private (int Count, object[]? Last) ReencryptBatch(ProtectedColumn column, object[]? after, int batchSize)
    {
        var protector = database.Protector;
        var keys = string.Join(", ", column.Key);
        var cursor = after is null ? "" : $"AND ({keys}) > ({string.Join(", ", column.Key.Select((_, i) => $"$a{i}"))})";
        using var connection = database.Open();
        // Immediate: the rows read are the rows updated, even with the pipeline or an erasure writing alongside.
        using var transaction = connection.BeginTransaction(deferred: false);
        var rows = new List<(object[] Key, object Value)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"""
                SELECT {keys}, {column.Column} FROM {column.Table}
                WHERE NOT ({Sealed(column.Column)} AND substr({column.Column}, 1, 2) = $header) {cursor}
                ORDER BY {keys} LIMIT $limit
                """;
            select.Parameters.AddWithValue("$header", protector.CurrentHeader);
            select.Parameters.AddWithValue("$limit", batchSize);
            for (var i = 0; after is not null && i < after.Length; i++)
            {
                select.Parameters.AddWithValue($"$a{i}", after[i]);
            }

            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var key = new object[column.Key.Count];
                for (var i = 0; i < key.Length; i++)
                {
                    key[i] = reader.GetValue(i);
                }

                rows.Add((key, reader.GetValue(key.Length)));
            }
        }

        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = $"UPDATE {column.Table} SET {column.Column} = $value WHERE {string.Join(" AND ", column.Key.Select((k, i) => $"{k} = $k{i}"))}";
            foreach (var (key, value) in rows)
            {
                var plaintext = value is string text ? Encoding.UTF8.GetBytes(text)
                    : column.RawInput ? protector.OpenQuarantined((byte[])value)
                    : protector.Open((byte[])value, column.AssociatedData);
                update.Parameters.Clear();
                update.Parameters.AddWithValue("$value", protector.Seal(plaintext, column.AssociatedData));
                for (var i = 0; i < key.Length; i++)
                {
                    update.Parameters.AddWithValue($"$k{i}", key[i]);
                }

                update.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return (rows.Count, rows.Count < batchSize ? null : rows[^1].Key);
    }

    // A sealed value is a BLOB starting with the marker byte, long enough for nonce and tag.
    private static string Sealed(string column) =>
        $"(typeof({column}) = 'blob' AND length({column}) >= {FieldProtector.Overhead} AND substr({column}, 1, 1) = x'00')";
}
