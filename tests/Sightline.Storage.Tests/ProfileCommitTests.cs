using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Core.Sources;
using Sightline.Storage.Sqlite;

namespace Sightline.Storage.Tests;

/// <summary>The pipeline's commit writes rows in index order; what it stores is what writing them in the log's order stored.</summary>
public sealed class ProfileCommitTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Trait_history_rows_are_numbered_in_the_logs_order_and_each_source_keeps_its_latest_value()
    {
        var database = new SqliteDatabase(_directory.Path);
        await new SqliteSourceCatalog(database, TimeProvider.System).AddAsync(NewSource.Create("web", "customer-direct", null, null).Source!, CancellationToken.None);
        var store = new SqliteProfileStore(database);
        // Profiles and names out of key order, one trait observed twice in a batch, and late (older) data.
        (long Profile, string Name, string Json, long Sequence, int Minutes)[] batches =
        [
            (3, "plan", "\"pro\"", 1, 0), (1, "plan", "\"free\"", 2, 0), (3, "city", "\"Oslo\"", 3, 0), (2, "plan", "\"team\"", 4, 0), (1, "plan", "\"pro\"", 5, 1),
            (1, "city", "\"Rome\"", 6, 0), (3, "plan", "\"team\"", 7, -5), (2, "age", "41", 8, 0),
        ];
        await CommitAsync(store, batches[..5]);
        await CommitAsync(store, batches[5..]);

        Rows(database, "SELECT rowid, profile_id, name, value, seq FROM traits ORDER BY rowid").ShouldBe(
            batches.Select((t, i) => $"{i + 1} {t.Profile} {t.Name} {t.Json} {t.Sequence}"));
        Rows(database, "SELECT profile_id, name, value, seq FROM latest_traits ORDER BY profile_id, name").ShouldBe(
            ["1 city \"Rome\" 6", "1 plan \"pro\" 5", "2 age 41 8", "2 plan \"team\" 4", "3 city \"Oslo\" 3", "3 plan \"pro\" 1"]);
        Rows(database, "SELECT seq, profile_id FROM event_profiles ORDER BY seq").ShouldBe(batches.Select(t => $"{t.Sequence} {t.Profile}"));
    }

    private static Task CommitAsync(SqliteProfileStore store, (long Profile, string Name, string Json, long Sequence, int Minutes)[] traits)
    {
        var changes = new ProfileChanges { Checkpoint = traits[^1].Sequence };
        foreach (var (profile, name, json, sequence, minutes) in traits)
        {
            changes.Events.Add((sequence, new ProfileId(profile)));
            changes.Traits.Add(new TraitObservation(new ProfileId(profile), name, json, sequence, At.AddMinutes(minutes), "web"));
        }

        return store.CommitAsync(changes, CancellationToken.None);
    }

    private static List<string> Rows(SqliteDatabase database, string sql)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return rows;
    }
}
