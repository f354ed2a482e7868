using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Privacy;
using Sightline.Core.Retention;

namespace Sightline.Storage.Sqlite;

/// <summary>Retention in SQLite: expired events deleted batch by batch with their derived rows, and the record of passes.</summary>
public sealed class SqliteRetentionStore(SqliteDatabase database) : IRetentionStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The traits the matcher compares: an event carrying one shaped the match index, so it is kept (as a stub).
    private static readonly string PersonTraitNames = string.Join(", ", PersonTraits.Names.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));

    /// <summary>The trait history rows an event (<c>$seq</c>) of a profile (<c>$profile</c>) wrote.</summary>
    internal const string DeleteTraitsOfEvent = $"DELETE FROM derived.traits WHERE {SequenceRanges.OfEvent}";

    /// <summary>The person-data traits an event of a profile observed (what the matcher compares).</summary>
    internal static readonly string PersonTraitsOfEvent = $"SELECT 1 FROM derived.traits WHERE {SequenceRanges.OfEvent} AND name IN ({PersonTraitNames})";

    public Task<RetentionBatch> ApplyAsync(RetentionPolicy policy, DateTimeOffset now, long afterSequence, int limit, bool dryRun, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        // A dry run only reads; a real batch takes the write lock at once rather than upgrading midway.
        using var transaction = connection.BeginTransaction(deferred: dryRun);
        var events = Scan(connection, transaction, database.Protector, policy, afterSequence, limit);
        var last = events.Count > 0 ? events[^1].Sequence : afterSequence;
        var expired = events.Where(e => policy.Expired(e.Source, e.Type, e.EventName, e.Timestamp, now)).ToList();
        if (expired.Count == 0)
        {
            return Task.FromResult(new RetentionBatch(last, events.Count < limit, []));
        }

        var anchors = Anchors(connection, transaction, expired);
        var counts = new Dictionary<(string Source, string Type), (long Deleted, long Minimized)>();
        var profiles = new HashSet<long>();
        using var payload = SqliteProfileStore.Command(connection, "SELECT payload FROM events WHERE seq = $seq", transaction, "$seq");
        using var minimize = SqliteProfileStore.Command(connection, "UPDATE events SET payload = $payload WHERE seq = $seq", transaction, "$payload", "$seq");
        using var traits = SqliteProfileStore.Command(connection, DeleteTraitsOfEvent, transaction, "$profile", "$seq");
        using var latest = SqliteProfileStore.Command(
            connection, "DELETE FROM derived.latest_traits WHERE profile_id = $profile AND seq = $seq RETURNING name, source_id", transaction, "$profile", "$seq");
        var superseded = new HashSet<(long Profile, string Name, long Source)>();
        using var consents = SqliteProfileStore.Command(connection, "DELETE FROM derived.consents WHERE profile_id = $profile AND seq = $seq", transaction, "$profile", "$seq");
        using var lineage = SqliteProfileStore.Command(connection, "DELETE FROM derived.event_profiles WHERE seq = $seq", transaction, "$seq");
        using var delete = SqliteProfileStore.Command(connection, "DELETE FROM events WHERE seq = $seq", transaction, "$seq");
        foreach (var e in expired)
        {
            var (deleted, minimized) = counts.GetValueOrDefault((e.Source, e.Type));
            if (anchors.Contains(e.Sequence))
            {
                payload.Parameters["$seq"].Value = e.Sequence;
                if (database.Protector.StubOf((byte[])payload.ExecuteScalar()!) is not { } stub)
                {
                    continue;
                }

                if (!dryRun)
                {
                    Run(minimize, ("$payload", stub), ("$seq", e.Sequence));
                    if (e.Profile is { } stubbed)
                    {
                        profiles.Add(stubbed);
                    }
                }

                counts[(e.Source, e.Type)] = (deleted, minimized + 1);
                continue;
            }

            if (!dryRun)
            {
                if (e.Profile is { } profile)
                {
                    Run(traits, ("$profile", profile), ("$seq", e.Sequence));
                    latest.Parameters["$profile"].Value = profile;
                    latest.Parameters["$seq"].Value = e.Sequence;
                    using (var removed = latest.ExecuteReader())
                    {
                        while (removed.Read())
                        {
                            superseded.Add((profile, removed.GetString(0), removed.GetInt64(1)));
                        }
                    }

                    Run(consents, ("$profile", profile), ("$seq", e.Sequence));
                    profiles.Add(profile);
                }

                Run(lineage, ("$seq", e.Sequence));
                Run(delete, ("$seq", e.Sequence));
            }

            counts[(e.Source, e.Type)] = (deleted + 1, minimized);
        }

        RestoreLatestTraits(connection, transaction, superseded);
        transaction.Commit();
        return Task.FromResult(new RetentionBatch(
            last, events.Count < limit, [.. counts.Select(c => new RetentionCount(c.Key.Source, c.Key.Type, c.Value.Deleted, c.Value.Minimized))], profiles));
    }

    public Task ReclaimAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        SqlitePrivacyStore.Reclaim(connection);
        return Task.CompletedTask;
    }

    public async Task<long> RecordAsync(RetentionRun run, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = SqliteProfileStore.Command(connection, "INSERT INTO retention_runs (trigger, started_at, finished_at, counts) VALUES ($trigger, $started, $finished, $counts) RETURNING id", null,
            "$trigger", "$started", "$finished", "$counts");
        command.Parameters["$trigger"].Value = run.Trigger;
        command.Parameters["$started"].Value = run.StartedAt.ToUnixTimeMilliseconds();
        command.Parameters["$finished"].Value = run.FinishedAt.ToUnixTimeMilliseconds();
        command.Parameters["$counts"].Value = JsonSerializer.Serialize(run.Counts, Json);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<RetentionRun>> RunsAsync(int limit, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = SqliteProfileStore.Command(connection, "SELECT id, trigger, started_at, finished_at, counts FROM retention_runs ORDER BY id DESC LIMIT $limit", null, "$limit");
        command.Parameters["$limit"].Value = limit;
        var runs = new List<RetentionRun>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RetentionRun
            {
                Id = reader.GetInt64(0),
                Trigger = reader.GetString(1),
                StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                FinishedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                Counts = JsonSerializer.Deserialize<List<RetentionCount>>(reader.GetString(4), Json)!,
            });
        }

        return runs;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="afterSequence"/> that the pipeline has resolved: only
    /// for those is it known what derived state rests on them.
    /// </summary>
    private static List<Candidate> Scan(SqliteConnection connection, SqliteTransaction transaction, FieldProtector protector, RetentionPolicy policy, long afterSequence, int limit)
    {
        using var command = SqliteProfileStore.Command(connection, """
            SELECT e.seq, s.name, e.type, e.timestamp, ep.profile_id, CASE WHEN $names AND e.type = 'track' THEN e.payload END
            FROM events e JOIN sources s ON s.id = e.source_id LEFT JOIN derived.event_profiles ep ON ep.seq = e.seq
            WHERE e.seq > $after AND e.seq <= (SELECT checkpoint FROM derived.pipeline)
            ORDER BY e.seq LIMIT $limit
            """, transaction, "$names", "$after", "$limit");
        command.Parameters["$names"].Value = policy.NamesEvents;
        command.Parameters["$after"].Value = afterSequence;
        command.Parameters["$limit"].Value = limit;
        var events = new List<Candidate>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(new Candidate(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : EventName(protector.Open((byte[])reader.GetValue(5), ProtectedColumns.EventPayload))));
        }

        return events;
    }

    /// <summary>
    /// Gives each trait whose latest value from a source was deleted the newest value that source still has in the
    /// history, if any: what survivorship would have picked from the history alone.
    /// </summary>
    private static void RestoreLatestTraits(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Profile, string Name, long Source)> traits)
    {
        using var restore = SqliteProfileStore.Command(connection, $"""
            {SequenceRanges.With}
            INSERT INTO derived.latest_traits (profile_id, name, source_id, value, observed_at, seq)
            SELECT t.profile_id, t.name, e.source_id, t.value, t.observed_at, t.seq FROM {SequenceRanges.From("derived.traits", "t")} JOIN events e ON e.seq = t.seq
            WHERE p.id = $profile AND {SequenceRanges.On("t")} AND t.name = $name AND e.source_id = $source ORDER BY t.observed_at DESC, t.seq DESC LIMIT 1
            """, transaction, "$profile", "$name", "$source");
        foreach (var (profile, name, source) in traits)
        {
            Run(restore, ("$profile", profile), ("$name", name), ("$source", source));
        }
    }

    /// <summary>
    /// The expired events a profile's identity rests on: deleting one would make a rebuild resolve the log differently
    /// (another profile id, a lost identifier, a merge that no longer happens, other match candidates).
    /// </summary>
    private static HashSet<long> Anchors(SqliteConnection connection, SqliteTransaction transaction, List<Candidate> expired)
    {
        var anchors = new HashSet<long>();
        using (var ranged = SqliteProfileStore.Command(connection, """
            SELECT id FROM derived.profiles WHERE id BETWEEN $low AND $high
            UNION SELECT seq FROM derived.merges WHERE seq BETWEEN $low AND $high
            UNION SELECT seq FROM derived.merge_suggestions WHERE seq BETWEEN $low AND $high
            UNION SELECT after_seq FROM approved_matches WHERE after_seq BETWEEN $low AND $high
            """, transaction, "$low", "$high"))
        {
            ranged.Parameters["$low"].Value = expired[0].Sequence;
            ranged.Parameters["$high"].Value = expired[^1].Sequence;
            using var reader = ranged.ExecuteReader();
            while (reader.Read())
            {
                anchors.Add(reader.GetInt64(0));
            }
        }

        // Identities move to the live profile on a merge; person-data traits stay on the profile that observed them.
        using var linked = SqliteProfileStore.Command(connection, $"""
            SELECT EXISTS (SELECT 1 FROM derived.identities WHERE profile_id = (SELECT canonical_id FROM derived.profiles WHERE id = $profile) AND seq = $seq)
                OR EXISTS ({PersonTraitsOfEvent})
            """, transaction, "$profile", "$seq");
        foreach (var e in expired)
        {
            if (e.Profile is { } profile && !anchors.Contains(e.Sequence))
            {
                linked.Parameters["$profile"].Value = profile;
                linked.Parameters["$seq"].Value = e.Sequence;
                if ((long)linked.ExecuteScalar()! == 1)
                {
                    anchors.Add(e.Sequence);
                }
            }
        }

        return anchors;
    }

    private static string? EventName(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEvent = reader.ValueTextEquals("event");
            reader.Read();
            if (isEvent)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }

        command.ExecuteNonQuery();
    }

    private sealed record Candidate(long Sequence, string Source, string Type, DateTimeOffset Timestamp, long? Profile, string? EventName);
}
