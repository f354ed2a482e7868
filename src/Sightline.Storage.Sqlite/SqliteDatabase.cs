using Microsoft.Data.Sqlite;
using Sightline.Core.Privacy;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// One Sightline database file: opens connections with the project's pragmas and keeps the schema current.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>The file name of the log inside the data directory.</summary>
    public const string FileName = "sightline.db";

    /// <summary>The file name of the derived state (profiles, identity graph), attached to every connection as <c>derived</c>.</summary>
    public const string DerivedFileName = "profiles.db";

    private readonly string _derivedPath;

    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly int _autoCheckpointPages;

    // SQLite connections this instance set up (per instance: another one over the same file may ask another synchronous).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, SqliteDatabase> _configured = [];

    /// <param name="dataDirectory">Created if missing.</param>
    /// <param name="synchronous">SQLite's <c>synchronous</c> pragma: FULL (default) also survives power loss; NORMAL survives a process crash.</param>
    /// <param name="protector">Encrypts personal values and computes blind indexes; by default nothing is encrypted (for tests and tools).</param>
    /// <param name="checkpointInBackground">
    /// Someone calls <see cref="Checkpoint"/> regularly (the server does), so commits leave the copying
    /// of the write-ahead logs into the files to it, up to <see cref="BackgroundCheckpointBound"/> pages.
    /// </param>
    /// <exception cref="InvalidOperationException">The database holds values encrypted under a key <paramref name="protector"/> lacks or holds differently.</exception>
    public SqliteDatabase(string dataDirectory, string synchronous = "FULL", FieldProtector? protector = null, bool checkpointInBackground = false)
    {
        if (synchronous is not ("FULL" or "NORMAL" or "EXTRA"))
        {
            throw new ArgumentException("synchronous must be FULL, NORMAL or EXTRA.", nameof(synchronous));
        }

        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, FileName));
        _derivedPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, DerivedFileName));
        _synchronous = synchronous;
        _autoCheckpointPages = checkpointInBackground ? BackgroundCheckpointBound : SqliteDefaultCheckpointPages;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Protector = protector ?? FieldProtector.Unkeyed;
        Migrate();
    }

    /// <summary>
    /// With background checkpoints, the write-ahead log's size (in pages, 64 MB) at which a commit checkpoints after all:
    /// it bounds the log should the checkpointer fall behind or stop.
    /// </summary>
    public const int BackgroundCheckpointBound = 16_384;

    private const int SqliteDefaultCheckpointPages = 1_000;

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Seals personal values as they are written and opens them as they are read.</summary>
    public FieldProtector Protector { get; }

    /// <summary>Opens a connection; the caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // A pooled connection keeps what it attached and its pragmas: set them up once per SQLite connection, not on
        // every open (a profile read opened a connection and parsed six statements before its own query).
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            using (var attached = connection.CreateCommand())
            {
                attached.CommandText = "SELECT count(*) FROM pragma_database_list WHERE name = 'derived'";
                if ((long)attached.ExecuteScalar()! == 0)
                {
                    attached.CommandText = "ATTACH DATABASE $path AS derived";
                    attached.Parameters.AddWithValue("$path", _derivedPath);
                    attached.ExecuteNonQuery();
                }
            }

            // Derived state can always be rebuilt from the log, and WAL keeps its commits atomic, so it skips the fsync.
            // secure_delete zeroes what a delete frees: an erased person's values must not linger in free pages.
            Execute(connection, $"PRAGMA synchronous = {_synchronous}; PRAGMA derived.synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON; PRAGMA derived.secure_delete = ON; PRAGMA wal_autocheckpoint = {_autoCheckpointPages};");
            _configured.AddOrUpdate(handle, this);
        }

        return connection;
    }

    /// <summary>
    /// Copies what both write-ahead logs hold into their files as far as no reader still needs it, without waiting for
    /// readers or writers (a passive checkpoint), so the next writer can start each log over.
    /// </summary>
    public void Checkpoint()
    {
        using var connection = Open();
        Execute(connection, "PRAGMA main.wal_checkpoint(PASSIVE); PRAGMA derived.wal_checkpoint(PASSIVE);");
    }

    /// <summary>The keys stored values are under here (or were, until retired), with their fingerprints.</summary>
    internal static List<(byte Id, byte[] Fingerprint)> EncryptionKeys(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, fingerprint FROM encryption_keys ORDER BY id";
        var keys = new List<(byte, byte[])>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(((byte)reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return keys;
    }

    /// <summary>Runs a query on a connection of its own and reads every row with <paramref name="read"/>.</summary>
    internal async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private void Migrate()
    {
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA derived.journal_mode = WAL;");
        Migrate(connection, "main", Schema.Migrations);
        Migrate(connection, "derived", Schema.DerivedMigrations);
        CheckKeys(connection);
    }

    /// <summary>
    /// Fails on a key that cannot open what is stored (a lost or swapped key file reads as garbage otherwise), and
    /// records the keys this process writes under. Derived state indexed under another blind-index key is derived again.
    /// </summary>
    private void CheckKeys(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var known = new HashSet<byte>();
        foreach (var (id, fingerprint) in EncryptionKeys(connection, transaction))
        {
            known.Add(id);
            if (!Protector.Holds(id))
            {
                throw new InvalidOperationException(
                    $"{Path} holds values encrypted under encryption key {id}, which is not configured: start with the key file this database was written with (Sightline:KeyFile, by default DATA.keys.json beside the data directory) or the Sightline:EncryptionKey it was given.");
            }

            if (!fingerprint.AsSpan().SequenceEqual(Protector.Fingerprint(id)))
            {
                throw new InvalidOperationException(
                    $"Encryption key {id} is not the key {Path} was encrypted with (was the key file lost or replaced? a missing one is generated afresh): start with the key file this database was written with (Sightline:KeyFile, by default DATA.keys.json beside the data directory) or the Sightline:EncryptionKey it was given.");
            }
        }

        if (Protector.CurrentKeyId is { } current && !known.Contains(current))
        {
            using var add = connection.CreateCommand();
            add.Transaction = transaction;
            add.CommandText = "INSERT INTO encryption_keys (id, fingerprint, created_at) VALUES ($id, $fingerprint, $at)";
            add.Parameters.AddWithValue("$id", current);
            add.Parameters.AddWithValue("$fingerprint", Protector.Fingerprint(current));
            add.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            add.ExecuteNonQuery();
        }

        using (var index = connection.CreateCommand())
        {
            index.Transaction = transaction;
            index.CommandText = "SELECT fingerprint FROM derived.blind_index";
            var fingerprint = Protector.IndexFingerprint();
            var stored = index.ExecuteScalar() as byte[];
            if (stored is null || !stored.AsSpan().SequenceEqual(fingerprint))
            {
                // Blind indexes are only in derived state, which the log can always give again.
                if (stored is not null)
                {
                    Execute(connection, Schema.ResetDerived, transaction);
                }

                index.CommandText = "INSERT OR REPLACE INTO derived.blind_index (id, fingerprint) VALUES (1, $fingerprint)";
                index.Parameters.AddWithValue("$fingerprint", fingerprint);
                index.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static void Migrate(SqliteConnection connection, string schema, IReadOnlyList<string> migrations)
    {
        using var version = connection.CreateCommand();
        version.CommandText = $"PRAGMA {schema}.user_version;";
        var current = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var step = current; step < migrations.Count; step++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, migrations[step], transaction);
            Execute(connection, $"PRAGMA {schema}.user_version = {step + 1};", transaction);
            transaction.Commit();
        }
    }
}
