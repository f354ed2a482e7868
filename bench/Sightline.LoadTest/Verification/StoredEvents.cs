using Microsoft.Data.Sqlite;

namespace Sightline.LoadTest.Verification;

/// <summary>Counts what the log really holds, reading the database file read-only beside the running server.</summary>
internal static class StoredEvents
{
    public static async Task<long> CountAsync(string databaseFile, CancellationToken cancellationToken)
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
        command.CommandText = "SELECT count(*) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
