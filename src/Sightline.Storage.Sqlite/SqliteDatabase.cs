using Microsoft.Data.Sqlite;

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

    /// <param name="dataDirectory">Created if missing.</param>
    /// <param name="synchronous">SQLite's <c>synchronous</c> pragma: FULL (default) also survives power loss; NORMAL survives a process crash.</param>
    public SqliteDatabase(string dataDirectory, string synchronous = "FULL")
    {
        if (synchronous is not ("FULL" or "NORMAL" or "EXTRA"))
        {
            throw new ArgumentException("synchronous must be FULL, NORMAL or EXTRA.", nameof(synchronous));
        }

        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, FileName));
        _derivedPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, DerivedFileName));
        _synchronous = synchronous;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Migrate();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection; the caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var attached = connection.CreateCommand())
        {
            // A pooled connection keeps what it attached.
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
        Execute(connection, $"PRAGMA synchronous = {_synchronous}; PRAGMA derived.synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON; PRAGMA derived.secure_delete = ON;");
        return connection;
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
