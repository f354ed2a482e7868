using Microsoft.Data.Sqlite;

namespace Sightline.LoadTest.Verification;

/// <summary>Counts what the log really holds, reading the database file read-only beside the running server.</summary>
internal static class StoredEvents
{
    public static Task<long> CountAsync(string databaseFile, CancellationToken cancellationToken) =>
        ScalarAsync(databaseFile, "SELECT count(*) FROM events", cancellationToken);

    /// <summary>The last log sequence number the profile pipeline has committed (the derived-state file's checkpoint).</summary>
    public static Task<long> PipelineCheckpointAsync(string derivedFile, CancellationToken cancellationToken) =>
        ScalarAsync(derivedFile, "SELECT checkpoint FROM pipeline", cancellationToken);

    private static async Task<long> ScalarAsync(string databaseFile, string sql, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
