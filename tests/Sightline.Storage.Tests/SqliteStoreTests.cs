using Microsoft.Data.Sqlite;
using Sightline.Core.Storage;
using Sightline.Storage.Sqlite;

namespace Sightline.Storage.Tests;

public sealed class SqliteStoreTests : StoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sightline-store-" + Guid.NewGuid().ToString("N"));
    private SqliteEventLog _log;
    private SqliteSourceCatalog _sources;

    public SqliteStoreTests()
    {
        (_log, _sources) = Open();
    }

    protected override IEventLog Log => _log;

    protected override IQuarantine Quarantine => _log;

    protected override ISourceCatalog Sources => _sources;

    protected override void Reopen()
    {
        _log.Dispose();
        SqliteConnection.ClearAllPools();
        (_log, _sources) = Open();
    }

    public override void Dispose()
    {
        _log.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Database_is_one_file_in_wal_mode()
    {
        var database = new SqliteDatabase(_directory);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        command.ExecuteScalar().ShouldBe("wal");
        File.Exists(Path.Combine(_directory, SqliteDatabase.FileName)).ShouldBeTrue();
    }

    private (SqliteEventLog, SqliteSourceCatalog) Open()
    {
        var database = new SqliteDatabase(_directory);
        return (new SqliteEventLog(database), new SqliteSourceCatalog(database, TimeProvider.System));
    }
}
