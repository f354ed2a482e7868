using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Sightline.Core.Profiles;
using Sightline.Storage.Sqlite;
using SQLitePCL;

namespace Sightline.SegmentSpeed;

/// <summary>
/// The first full evaluation's membership changes committed as the pipeline commits them
/// (<see cref="SqliteProfileStore.CommitAsync"/> into a fresh data directory, the server's default synchronous), next to
/// the store's raw speed: the same rows bound to one prepared insert in one transaction, into a table without indexes.
/// </summary>
internal static class MembershipCommit
{
    public static void Run(ProfileChanges changes, int rounds)
    {
        var rows = changes.Memberships.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"commit: {rows:N0} membership changes, synchronous FULL (derived file NORMAL, as the server opens it)"));
        for (var round = 1; round <= rounds; round++)
        {
            var store = Measure(
                directory =>
                {
                    var profiles = new SqliteProfileStore(new SqliteDatabase(directory, "FULL"));
                    return () => profiles.CommitAsync(changes, CancellationToken.None).GetAwaiter().GetResult();
                },
                directory => Check(directory, changes));
            var raw = Measure(
                directory =>
                {
                    var database = new SqliteDatabase(directory, "FULL");
                    return () => RawInsert(database, changes);
                },
                _ => { });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"commit round {round}: store {store.Seconds:F2} s ({store.Cpu:F2} s CPU, {rows / store.Seconds:N0} rows/s, WAL {store.WalMegabytes:N0} MB, derived file {store.FileMegabytes:N0} MB); " +
                $"raw insert {raw.Seconds:F2} s ({raw.Cpu:F2} s CPU, {rows / raw.Seconds:N0} rows/s); store / raw {store.Seconds / raw.Seconds:F1}"));
        }
    }

    /// <param name="prepare">Sets up a fresh data directory, untimed, and gives the timed work.</param>
    /// <param name="check">Runs after the figures are taken.</param>
    private static (double Seconds, double Cpu, double WalMegabytes, double FileMegabytes) Measure(Func<string, Action> prepare, Action<string> check)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"sightline-segcommit-{Guid.NewGuid():N}");
        try
        {
            var commit = prepare(directory);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            commit();
            var seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var derived = Path.Combine(directory, SqliteDatabase.DerivedFileName);
            var wal = derived + "-wal";
            var figures = (seconds, (process.TotalProcessorTime - cpu).TotalSeconds, File.Exists(wal) ? new FileInfo(wal).Length / 1e6 : 0, new FileInfo(derived).Length / 1e6);
            check(directory);
            return figures;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Every change is a history row, and every entry a member (a first evaluation only enters).</summary>
    private static void Check(string directory, ProfileChanges changes)
    {
        using var connection = new SqliteDatabase(directory, "FULL").Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM segment_history), (SELECT count(*) FROM segment_members)";
        using var reader = command.ExecuteReader();
        reader.Read();
        var (history, members) = (reader.GetInt64(0), reader.GetInt64(1));
        var entered = changes.Memberships.Count(c => c.Entered);
        if (history != changes.Memberships.Count || members != entered)
        {
            throw new InvalidOperationException($"The store holds {history:N0} history rows and {members:N0} members; expected {changes.Memberships.Count:N0} and {entered:N0}.");
        }
    }

    private static void RawInsert(SqliteDatabase database, ProfileChanges changes)
    {
        using var connection = database.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE derived.raw_history (segment_id INTEGER NOT NULL, profile_id INTEGER NOT NULL, entered INTEGER NOT NULL, at INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        Ok(connection, raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO derived.raw_history (segment_id, profile_id, entered, at) VALUES (?1, ?2, ?3, ?4)", out var statement));
        using (statement)
        {
            foreach (var change in changes.Memberships)
            {
                raw.sqlite3_bind_int64(statement, 1, change.Segment);
                raw.sqlite3_bind_int64(statement, 2, change.Profile.Value);
                raw.sqlite3_bind_int64(statement, 3, change.Entered ? 1 : 0);
                raw.sqlite3_bind_int64(statement, 4, change.At.ToUnixTimeMilliseconds());
                var result = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (result != raw.SQLITE_DONE)
                {
                    Ok(connection, result);
                }
            }
        }

        transaction.Commit();

        static void Ok(SqliteConnection connection, int result) => SqliteException.ThrowExceptionForRC(result, connection.Handle);
    }
}
