using Microsoft.Data.Sqlite;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// One Sightline database file: opens connections with the project's pragmas and keeps the schema current.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "sightline.db";

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
        Execute(connection, $"PRAGMA synchronous = {_synchronous}; PRAGMA busy_timeout = 30000;");
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
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var step = current; step < Schema.Migrations.Count; step++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, Schema.Migrations[step], transaction);
            Execute(connection, $"PRAGMA user_version = {step + 1};", transaction);
            transaction.Commit();
        }
    }
}
