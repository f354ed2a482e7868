using Sightline.Storage.Sqlite;

namespace Sightline.Storage.Tests;

// Alone: other tests clear every connection pool as they end, and closing the last connection to a database
// checkpoints its write-ahead log, which is what these tests watch for.
[Collection(nameof(WalCheckpointTests))]
public sealed class WalCheckpointTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void By_default_the_commit_that_takes_the_log_past_a_thousand_pages_copies_it_into_the_file()
    {
        var database = new SqliteDatabase(_directory.Path);
        var before = DerivedFileBytes();

        WriteDerived(database, pages: 1_500);

        DerivedFileBytes().ShouldBeGreaterThan(before + (1_000 * 4096));
    }

    [Fact]
    public void With_background_checkpoints_commits_leave_the_copying_to_Checkpoint()
    {
        var database = new SqliteDatabase(_directory.Path, checkpointInBackground: true);
        var before = DerivedFileBytes();

        WriteDerived(database, pages: 1_500);

        DerivedFileBytes().ShouldBe(before);
        database.Checkpoint();
        DerivedFileBytes().ShouldBeGreaterThan(before + (1_500 * 4096));
    }

    private long DerivedFileBytes() => new FileInfo(Path.Combine(_directory.Path, SqliteDatabase.DerivedFileName)).Length;

    // One transaction of incompressible rows filling about that many 4 KB pages of the derived file.
    private static void WriteDerived(SqliteDatabase database, int pages)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE TABLE derived.filler (data BLOB)";
        command.ExecuteNonQuery();
        command.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows) INSERT INTO derived.filler (data) SELECT randomblob(3000) FROM n";
        command.Parameters.AddWithValue("$rows", pages);
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}

[CollectionDefinition(nameof(WalCheckpointTests), DisableParallelization = true)]
public sealed class WalCheckpointsAlone;
