using Sightline.Storage.Sqlite;

namespace Sightline.Storage.Tests;

/// <summary>
/// Queries of one profile's rows in the tables that grow with the log go through their range index: a plan that scans
/// one of those tables is correct on a test's few rows and takes seconds per call on a live store.
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> Queries => new()
    {
        { "retention: an event's trait rows", SqliteRetentionStore.DeleteTraitsOfEvent },
        { "retention: an event's person traits", SqliteRetentionStore.PersonTraitsOfEvent },
        { "a profile's lineage", $"{SequenceRanges.With} SELECT ep.seq FROM {SequenceRanges.From("event_profiles", "ep")} WHERE p.canonical_id = $profile AND {SequenceRanges.On("ep")}" },
        { "a profile's trait history", $"{SequenceRanges.With} SELECT t.value FROM {SequenceRanges.From("traits", "t")} WHERE p.canonical_id = $profile AND {SequenceRanges.On("t")}" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_query_of_one_profiles_rows_searches_the_range_index(string query, string sql)
    {
        using var connection = new SqliteDatabase(_directory.Path).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$seq", 70_000);
        command.Parameters.AddWithValue("$profile", 5);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        string[] scans = ["SCAN derived.traits", "SCAN traits", "SCAN t", "SCAN derived.event_profiles", "SCAN event_profiles", "SCAN ep"];
        var steps = string.Join(" | ", plan);
        plan.ShouldContain(step => step.Contains("_by_range", StringComparison.Ordinal), $"{query}: {steps}");
        plan.Intersect(scans).ShouldBeEmpty($"{query}: {steps}");
    }
}
