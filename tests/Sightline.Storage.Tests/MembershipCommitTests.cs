using Microsoft.Data.Sqlite;
using Sightline.Core.Audiences;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Storage.Sqlite;

namespace Sightline.Storage.Tests;

public sealed class MembershipCommitTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_commit_of_more_changes_than_one_transaction_holds_keeps_every_history_row_in_order()
    {
        // More than two of the store's slices and of the rows it writes per statement; profiles that enter in the first
        // slice leave in the last, in a run longer than a statement's rows.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var changes = new ProfileChanges { Checkpoint = 7 };
        for (var profile = 1; profile <= 15_000; profile++)
        {
            changes.Memberships.Add(new MembershipChange(1, new ProfileId(profile), true, at));
            changes.Memberships.Add(new MembershipChange(2, new ProfileId(profile), true, at));
            changes.Memberships.Add(new MembershipChange(3, new ProfileId(profile), true, at.AddMilliseconds(1)));
        }

        for (var profile = 1; profile <= 1_500; profile++)
        {
            changes.Memberships.Add(new MembershipChange(1, new ProfileId(profile), false, at.AddSeconds(1)));
        }

        changes.Memberships.Add(new MembershipChange(1, new ProfileId(1), true, at.AddSeconds(2)));
        var database = new SqliteDatabase(_directory.Path);

        await new SqliteProfileStore(database).CommitAsync(changes, CancellationToken.None);

        using var connection = database.Open();
        Query<long>(connection, "SELECT checkpoint FROM pipeline").ShouldBe([7]);
        var history = Query<(long, long, long, long)>(connection, "SELECT segment_id, profile_id, entered, at FROM segment_history ORDER BY id");
        history.ShouldBe([.. changes.Memberships.Select(c => (c.Segment, c.Profile.Value, c.Entered ? 1L : 0L, c.At.ToUnixTimeMilliseconds()))]);
        Query<long>(connection, "SELECT count(*) FROM segment_members").ShouldBe([45_000 - 1_500 + 1]);
        Query<long>(connection, "SELECT profile_id FROM segment_members WHERE segment_id = 1 AND profile_id <= 1501 ORDER BY profile_id").ShouldBe([1, 1_501]);
        Query<long>(connection, "SELECT since FROM segment_members WHERE segment_id = 1 AND profile_id = 1").ShouldBe([at.AddSeconds(2).ToUnixTimeMilliseconds()]);
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(reader.FieldCount == 1
                ? (T)(object)reader.GetInt64(0)
                : (T)(object)(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }
}
