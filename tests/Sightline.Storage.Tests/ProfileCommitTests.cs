using System.Security.Cryptography;
using System.Text;
using Sightline.Core.Identity;
using Sightline.Core.Privacy;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Commits_of_thousands_of_rows_keep_lineage_history_numbers_and_each_sources_latest_value(bool encrypted)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var protector = encrypted ? new FieldProtector(new Dictionary<byte, byte[]> { [1] = key }, 1, RandomNumberGenerator.GetBytes(32)) : FieldProtector.Unkeyed;
        var database = new SqliteDatabase(_directory.Path, protector: protector);
        var catalog = new SqliteSourceCatalog(database, TimeProvider.System);
        await catalog.AddAsync(NewSource.Create("web", "customer-direct", null, null).Source!, CancellationToken.None);
        await catalog.AddAsync(NewSource.Create("crm", "customer-direct", null, null).Source!, CancellationToken.None);
        var store = new SqliteProfileStore(database);
        // Lineage of 2,100 events and then 1,200, past the thousand rows a statement writes, with a remainder each time;
        // a few thousand trait observations: profiles out of key order, two sources of each trait, late (older)
        // observations in both batches, names and values past the ASCII and the short, one from no known source.
        var random = new Random(7);
        string[] names = ["plan", "city", "ciudad_año", new string('n', 200)];
        string[] sources = ["web", "crm"];
        var traits = new List<Observation>();
        var events = new List<(long Sequence, long Profile)>();
        for (var sequence = 1L; sequence <= 3_300; sequence++)
        {
            var profile = 1 + random.Next(400);
            events.Add((sequence, profile));
            for (var count = 1 + (sequence % 3 == 0 ? 1 : 0); count > 0; count--)
            {
                var json = random.Next(10) switch { 0 => "\"\"", 1 => $"\"Zürich {sequence}\"", 2 => $"\"{new string('v', 300)}\"", _ => $"{sequence}" };
                traits.Add(new(profile, names[random.Next(names.Length)], json, sequence, random.Next(-600, 60), sources[random.Next(sources.Length)]));
            }

            if (sequence == 2_100)
            {
                traits.Add(new(profile, "plan", "\"gone\"", sequence, 0, "removed"));
            }
        }

        var split = traits.FindIndex(t => t.Sequence > 2_100);
        await CommitAsync(store, events.Where(e => e.Sequence <= 2_100), traits[..split]);
        await CommitAsync(store, events.Where(e => e.Sequence > 2_100), traits[split..]);

        Rows(database, "SELECT DISTINCT typeof(value) FROM traits UNION SELECT DISTINCT typeof(value) FROM latest_traits").ShouldBe([encrypted ? "blob" : "text"]);
        Rows(database, "SELECT rowid, profile_id, name, value, seq, observed_at FROM traits ORDER BY rowid", protector).ShouldBe(
            traits.Select((t, i) => $"{i + 1} {t.Profile} {t.Name} {t.Json} {t.Sequence} {At.AddMinutes(t.Minutes).ToUnixTimeMilliseconds()}"));
        Rows(database, "SELECT l.profile_id, l.name, s.name, l.value, l.seq, l.observed_at FROM latest_traits l JOIN sources s ON s.id = l.source_id ORDER BY l.profile_id, l.name, s.name", protector).ShouldBe(
            traits.Where(t => t.Source != "removed").GroupBy(t => (t.Profile, t.Name, t.Source))
                .Select(g => g.MaxBy(t => (t.Minutes, t.Sequence))!)
                .OrderBy(t => t.Profile).ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Source, StringComparer.Ordinal)
                .Select(t => $"{t.Profile} {t.Name} {t.Source} {t.Json} {t.Sequence} {At.AddMinutes(t.Minutes).ToUnixTimeMilliseconds()}"));
        Rows(database, "SELECT seq, profile_id FROM event_profiles ORDER BY seq").ShouldBe(events.Select(e => $"{e.Sequence} {e.Profile}"));
    }

    [Fact]
    public async Task A_profiles_timeline_and_trait_history_hold_its_rows_and_those_of_profiles_merged_into_it_across_sequence_ranges()
    {
        var database = new SqliteDatabase(_directory.Path);
        await new SqliteSourceCatalog(database, TimeProvider.System).AddAsync(NewSource.Create("web", "customer-direct", null, null).Source!, CancellationToken.None);
        var store = new SqliteProfileStore(database);
        // Lineage is indexed by range of 65,536 sequence numbers, then profile: these sit on both sides of range borders,
        // in ranges where the profile has no event, and in a range older than a profile merged into another.
        (long Sequence, long Profile)[] events =
        [
            (5, 5), (9, 9), (65_535, 5), (65_536, 5), (70_000, 70_000), (131_072, 9), (200_000, 5), (200_001, 70_000), (262_144, 5),
            (262_145, 9), (300_001, 5),
        ];
        Execute(database, string.Join(';', events.Select(e => $"INSERT INTO events (seq, source_id, message_id, type, received_at, timestamp, payload) VALUES ({e.Sequence}, 1, 'm{e.Sequence}', '{(e.Sequence % 2 == 0 ? "track" : "page")}', 0, 0, CAST('{{}}' AS BLOB))")));
        var changes = new ProfileChanges { Checkpoint = 300_001 };
        changes.Created.AddRange([new ProfileId(5), new ProfileId(9), new ProfileId(70_000)]);
        changes.Events.AddRange(events.Select(e => (e.Sequence, new ProfileId(e.Profile))));
        changes.Traits.AddRange(
            [new(new ProfileId(5), "plan", "\"pro\"", 65_536, At, "web"), new(new ProfileId(9), "plan", "\"team\"", 262_145, At, "web"), new(new ProfileId(5), "city", "\"Oslo\"", 5, At, "web")]);
        await store.CommitAsync(changes, CancellationToken.None);
        Execute(database, "UPDATE profiles SET canonical_id = 5 WHERE id = 9");

        async Task<long[]> Timeline(long profile, long before, int limit, string? type = null) =>
            [.. (await store.EventsAsync(new ProfileId(profile), before, limit, type, null, CancellationToken.None)).Select(e => e.Sequence)];

        (await Timeline(5, long.MaxValue, 4)).ShouldBe([300_001, 262_145, 262_144, 200_000]);
        (await Timeline(5, 200_000, 10)).ShouldBe([131_072, 65_536, 65_535, 9, 5]);
        (await Timeline(5, 65_536, 10, "track")).ShouldBeEmpty();
        (await Timeline(5, long.MaxValue, 10, "track")).ShouldBe([262_144, 200_000, 131_072, 65_536]);
        (await Timeline(70_000, long.MaxValue, 10)).ShouldBe([200_001, 70_000]);
        (await store.TraitHistoryAsync(new ProfileId(5), CancellationToken.None)).Select(t => $"{t.Name} {t.Sequence}").ShouldBe(["city 5", "plan 65536", "plan 262145"]);
    }

    private static void Execute(SqliteDatabase database, string sql)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record Observation(long Profile, string Name, string Json, long Sequence, int Minutes, string Source);

    private static Task CommitAsync(SqliteProfileStore store, (long Profile, string Name, string Json, long Sequence, int Minutes)[] traits) =>
        CommitAsync(store, traits.Select(t => (t.Sequence, t.Profile)), [.. traits.Select(t => new Observation(t.Profile, t.Name, t.Json, t.Sequence, t.Minutes, "web"))]);

    private static Task CommitAsync(SqliteProfileStore store, IEnumerable<(long Sequence, long Profile)> events, List<Observation> traits)
    {
        var changes = new ProfileChanges();
        foreach (var (sequence, profile) in events)
        {
            changes.Events.Add((sequence, new ProfileId(profile)));
            changes.Checkpoint = sequence;
        }

        foreach (var (profile, name, json, sequence, minutes, source) in traits)
        {
            changes.Traits.Add(new TraitObservation(new ProfileId(profile), name, json, sequence, At.AddMinutes(minutes), source));
        }

        return store.CommitAsync(changes, CancellationToken.None);
    }

    /// <summary>Rows as text, sealed trait values opened.</summary>
    private static List<string> Rows(SqliteDatabase database, string sql, FieldProtector? protector = null)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i =>
                reader.GetValue(i) is byte[] sealedValue ? Encoding.UTF8.GetString(protector!.Open(sealedValue, "derived.traits.value"u8)) : reader.GetValue(i))));
        }

        return rows;
    }
}
