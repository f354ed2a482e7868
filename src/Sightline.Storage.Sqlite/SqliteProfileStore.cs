using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Sightline.Core.Consent;
using System.Text.Json;
using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Privacy;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;

namespace Sightline.Storage.Sqlite;

/// <summary>Profiles, identities, lineage and trait history in SQLite.</summary>
public sealed class SqliteProfileStore(SqliteDatabase database) : IProfileStore
{
    private readonly FieldProtector _protector = database.Protector;

    public async Task<long> CheckpointAsync(CancellationToken cancellationToken) =>
        (long)(await ScalarAsync("SELECT checkpoint FROM pipeline", cancellationToken))!;

    public async Task LoadGraphAsync(InMemoryIdentityGraph graph, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using (var profiles = Command(connection, "SELECT id FROM profiles WHERE canonical_id = id ORDER BY id"))
        using (var reader = await profiles.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                graph.Create(reader.GetInt64(0));
            }
        }

        using (var retired = Command(connection, "SELECT id, canonical_id FROM profiles WHERE canonical_id != id"))
        using (var reader = await retired.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                graph.Retire(new ProfileId(reader.GetInt64(0)), new ProfileId(reader.GetInt64(1)));
            }
        }

        using var identities = Command(connection, "SELECT type, value, profile_id FROM identities ORDER BY seq");
        using var rows = await identities.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            // The graph holds identifiers in clear: it lives in memory only.
            graph.Link(new Identifier(rows.GetString(0), _protector.OpenText(rows.GetValue(1), ProtectedColumns.IdentityValue)), new ProfileId(rows.GetInt64(2)));
        }
    }

    // An observation replaces its source's latest value of the trait unless that one is newer: sources may send late.
    private const string LatestTraitUpsert = """
        INSERT INTO latest_traits (profile_id, name, source_id, value, observed_at, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (profile_id, name, source_id) DO UPDATE SET value = excluded.value, observed_at = excluded.observed_at, seq = excluded.seq
        WHERE excluded.observed_at > latest_traits.observed_at OR (excluded.observed_at = latest_traits.observed_at AND excluded.seq > latest_traits.seq)
        """;

    public Task CommitAsync(ProfileChanges changes, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        // Deferred, so it locks only the derived file its first write touches: BEGIN IMMEDIATE reserves every attached
        // database, so each commit also held the log's write lock and ingestion slept in SQLite's busy handler meanwhile.
        using var transaction = connection.BeginTransaction(deferred: true);
        using (var create = new RawStatement(connection, "INSERT INTO profiles (id, canonical_id) VALUES (?1, ?1)"))
        {
            foreach (var profile in changes.Created)
            {
                create.Bind(1, profile.Value).Step();
            }
        }

        // Links target profiles live when they were made; merges then move them on, in order.
        using (var link = new RawStatement(connection, "INSERT OR IGNORE INTO identities (type, lookup, value, profile_id, seq) VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            foreach (var (identifier, profile, sequence) in changes.Links)
            {
                link.Bind(1, identifier.Type).Bind(2, _protector.BlindIndex(identifier.Type, identifier.Value))
                    .Bind(3, _protector.SealText(identifier.Value, ProtectedColumns.IdentityValue)).Bind(4, profile.Value).Bind(5, sequence).Step();
            }
        }

        using (var move = Command(connection, "UPDATE OR IGNORE identities SET profile_id = $into WHERE profile_id = $from", transaction, "$into", "$from"))
        using (var drop = Command(connection, "DELETE FROM identities WHERE profile_id = $from", transaction, "$from"))
        using (var repoint = Command(connection, "UPDATE profiles SET canonical_id = $into WHERE canonical_id = $from", transaction, "$into", "$from"))
        using (var record = Command(connection, "INSERT INTO merges (seq, from_id, into_id, via_type, via_value, blocked, reason, evidence) VALUES ($seq, $from, $into, $type, $value, $blocked, $reason, $evidence)", transaction, "$seq", "$from", "$into", "$type", "$value", "$blocked", "$reason", "$evidence"))
        {
            foreach (var (merge, sequence) in changes.Merges)
            {
                Run(move, merge.Into.Value, merge.From.Value);
                Run(drop, merge.From.Value);
                Run(repoint, merge.Into.Value, merge.From.Value);
                Run(record, sequence, merge.From.Value, merge.Into.Value, merge.Via.Type, _protector.SealText(merge.Via.Value, ProtectedColumns.MergeVia), 0, null, Json(merge.Evidence));
            }

            foreach (var (blocked, sequence) in changes.Blocked)
            {
                Run(record, sequence, blocked.Other.Value, blocked.Profile.Value, blocked.Via.Type, _protector.SealText(blocked.Via.Value, ProtectedColumns.MergeVia), 1, blocked.Reason, Json(blocked.Evidence));
            }
        }

        // Rows go in the order of the index they land in (by range, then profile; see SequenceRanges), not in the log's:
        // a batch's rows then fill neighbouring B-tree pages one after another instead of seeking across the index for each.
        // Inserting 10,000 rows a batch into an index of 400,000 that way took 12% less processor time (lineage) and 40%
        // less (computed states, replaced in place); what is stored is the same.
        var events = changes.Events.ToArray();
        Array.Sort(events, static (a, b) =>
            SequenceRanges.Of(a.Sequence) != SequenceRanges.Of(b.Sequence) ? a.Sequence.CompareTo(b.Sequence)
            : a.Profile.Value != b.Profile.Value ? a.Profile.Value.CompareTo(b.Profile.Value)
            : a.Sequence.CompareTo(b.Sequence));
        // In blocks, which open one statement journal per thousand rows rather than one per row (see BlockStatement);
        // the history rows and latest values below stay a statement per row, where blocks cost more than they save.
        using (var lineage = new BlockStatement(connection, "INSERT OR REPLACE INTO event_profiles (seq, profile_id) VALUES", 2))
        {
            lineage.Write<(long Sequence, ProfileId Profile)>(events, static (statement, at, e) => statement.Bind(at, e.Sequence).Bind(at + 1, e.Profile.Value));
        }

        // Of the batch's observations of one trait from one source only the latest can be that source's latest value
        // (a signed-in visitor identifies again on every page); it is a copy of its history row, sealed once for both.
        // History rows are numbered as SQLite would number them in the log's order (one past the largest rowid), and
        // written in the order of their index: the same rows, fewer seeks.
        var firstRow = 1L;
        using (var last = new RawStatement(connection, "SELECT coalesce(max(rowid), 0) FROM traits"))
        {
            // After the lineage rows: the transaction holds the write lock already (see above).
            if (changes.Traits.Count > 0 && last.Read())
            {
                firstRow += last.Int64(0);
            }
        }

        using var values = new SealedTexts(_protector);
        var latest = new Dictionary<(long Profile, string Name, string Source), (int Value, long ObservedAt, long Sequence)>();
        using (var trait = new RawStatement(connection, "INSERT INTO traits (rowid, profile_id, name, value, seq, observed_at) VALUES (?6, ?1, ?2, ?3, ?4, ?5)"))
        {
            foreach (var index in InIndexOrder(changes.Traits, static o => (SequenceRanges.Of(o.Sequence), o.Profile.Value, o.Name)))
            {
                var observation = changes.Traits[index];
                var (value, observedAt) = (values.Add(observation.Json, ProtectedColumns.TraitValue), observation.ObservedAt.ToUnixTimeMilliseconds());
                trait.Bind(1, observation.Profile.Value).Bind(2, observation.Name);
                values.Bind(trait, 3, value);
                trait.Bind(4, observation.Sequence).Bind(5, observedAt).Bind(6, firstRow + index).Step();
                var key = (observation.Profile.Value, observation.Name, observation.Source);
                if (!latest.TryGetValue(key, out var held) || (observedAt, observation.Sequence).CompareTo((held.ObservedAt, held.Sequence)) > 0)
                {
                    latest[key] = (value, observedAt, observation.Sequence);
                }
            }
        }

        // Sources' ids read once, not looked up by name in every row's statement; a row naming no source is not written.
        var sources = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var named = new RawStatement(connection, "SELECT name, id FROM sources"))
        {
            while (latest.Count > 0 && named.Read())
            {
                sources[Encoding.UTF8.GetString(named.Bytes(0))] = named.Int64(1);
            }
        }

        using (var upsert = new RawStatement(connection, LatestTraitUpsert))
        {
            foreach (var ((profile, name, source), (value, observedAt, sequence)) in latest.OrderBy(l => l.Key.Profile).ThenBy(l => l.Key.Name, StringComparer.Ordinal))
            {
                if (sources.TryGetValue(source, out var sourceId))
                {
                    upsert.Bind(1, profile).Bind(2, name).Bind(3, sourceId);
                    values.Bind(upsert, 4, value);
                    upsert.Bind(5, observedAt).Bind(6, sequence).Step();
                }
            }
        }

        using (var suggest = Command(
            connection,
            "INSERT OR IGNORE INTO merge_suggestions (low_id, high_id, profile_id, other_id, evidence, seq, status) VALUES ($low, $high, $profile, $other, $evidence, $seq, 'pending')",
            transaction,
            "$low", "$high", "$profile", "$other", "$evidence", "$seq"))
        {
            foreach (var suggestion in changes.Suggestions)
            {
                var (a, b) = (suggestion.Profile.Value, suggestion.Other.Value);
                Run(suggest, Math.Min(a, b), Math.Max(a, b), a, b, Json(suggestion.Evidence), suggestion.Sequence);
            }
        }

        using (var consent = new RawStatement(connection, "INSERT INTO consents (profile_id, purpose, granted, seq, observed_at) VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            foreach (var choice in changes.Consents)
            {
                consent.Bind(1, choice.Profile.Value).Bind(2, choice.Purpose).Bind(3, choice.Granted ? 1 : 0).Bind(4, choice.Sequence)
                    .Bind(5, choice.ObservedAt.ToUnixTimeMilliseconds()).Step();
            }
        }

        SqliteSegmentStore.Write(connection, transaction, changes, _protector);
        using (var checkpoint = Command(connection, "UPDATE pipeline SET checkpoint = $seq", transaction, "$seq"))
        {
            Run(checkpoint, changes.Checkpoint);
        }

        transaction.Commit();
        SqliteSegmentStore.WriteRemaining(connection, changes);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The positions of <paramref name="rows"/> ordered by <paramref name="key"/> (range, profile, then name, ordinally),
    /// rows of equal keys in their own order: the order to write them to an index on that key.
    /// </summary>
    internal static int[] InIndexOrder<T>(List<T> rows, Func<T, (long Range, long Profile, string Name)> key)
    {
        var keys = new (long Range, long Profile, string Name, int Index)[rows.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var (range, profile, name) = key(rows[i]);
            keys[i] = (range, profile, name, i);
        }

        Array.Sort(keys, static (a, b) =>
            a.Range != b.Range ? a.Range.CompareTo(b.Range)
            : a.Profile != b.Profile ? a.Profile.CompareTo(b.Profile)
            : string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName
            : a.Index.CompareTo(b.Index));
        return Array.ConvertAll(keys, k => k.Index);
    }

    public Task ResetAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        SqliteDatabase.Execute(connection, Schema.ResetDerived, transaction);
        transaction.Commit();
        return Task.CompletedTask;
    }

    public async Task<ProfileId?> FindAsync(Identifier identifier, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(
            connection,
            "SELECT p.canonical_id FROM identities i JOIN profiles p ON p.id = i.profile_id WHERE i.type = $type AND i.lookup = $lookup ORDER BY i.seq DESC LIMIT 1",
            null,
            "$type",
            "$lookup");
        SetAll(command, identifier.Type, _protector.BlindIndex(identifier.Type, identifier.Value));
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? new ProfileId(id) : null;
    }

    public async Task<IReadOnlyList<string>> IdentifierTypesAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        // One index probe per type, however many identifiers each has: a search runs this before every exact lookup.
        using var command = Command(
            connection,
            """
            WITH RECURSIVE t(type) AS (
                SELECT min(type) FROM identities
                UNION ALL SELECT (SELECT min(type) FROM identities WHERE type > t.type) FROM t WHERE t.type IS NOT NULL)
            SELECT type FROM t WHERE type IS NOT NULL
            """);
        var types = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    public async Task<ProfileId?> CanonicalAsync(ProfileId profile, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT canonical_id FROM profiles WHERE id = $id", null, "$id");
        command.Parameters[0].Value = profile.Value;
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? new ProfileId(id) : null;
    }

    public async Task<IReadOnlyList<ProfileIdentity>> IdentitiesAsync(ProfileId profile, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT i.type, i.value, i.seq, s.name, e.received_at FROM identities i
            JOIN events e ON e.seq = i.seq JOIN sources s ON s.id = e.source_id
            WHERE i.profile_id = $profile ORDER BY i.seq
            """,
            profile,
            r => new ProfileIdentity(
                new Identifier(r.GetString(0), _protector.OpenText(r.GetValue(1), ProtectedColumns.IdentityValue)), r.GetInt64(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))),
            cancellationToken);

    public async Task<IReadOnlyList<ConsentRecord>> ConsentHistoryAsync(ProfileId profile, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT c.purpose, c.granted, s.name, e.message_id, c.observed_at, c.seq, e.payload FROM consents c
            JOIN profiles p ON p.id = c.profile_id
            JOIN events e ON e.seq = c.seq JOIN sources s ON s.id = e.source_id
            WHERE p.canonical_id = $profile ORDER BY c.observed_at, c.seq
            """,
            profile,
            r => new ConsentRecord(
                r.GetString(0), r.GetInt64(1) == 1, r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.GetInt64(5),
                PayloadText(r, 6, "consent", "evidence")),
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> TraitSamplesAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        // SQLite's bare column beside max(): the value of the newest observation of each name.
        using var command = Command(connection, "SELECT name, value, max(seq) FROM traits GROUP BY name");
        var samples = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            samples[reader.GetString(0)] = _protector.OpenText(reader.GetValue(1), ProtectedColumns.TraitValue);
        }

        return samples;
    }

    public async Task<IReadOnlyList<SearchableProfile>> SearchableAsync(IReadOnlyCollection<ProfileId> profiles, IReadOnlySet<string> traitNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        using var connection = database.Open();
        // A read, for one snapshot across the three queries; deferred, so it takes no write lock.
        using var transaction = connection.BeginTransaction(deferred: true);
        FillOnlyProfiles(connection, profiles, transaction);
        var live = new Dictionary<long, (List<Identifier> Identifiers, List<TraitValue> Traits)>();
        using (var command = Command(connection, "SELECT id FROM profiles WHERE id IN (SELECT id FROM temp.only_profiles) AND canonical_id = id", transaction))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                live[reader.GetInt64(0)] = ([], []);
            }
        }

        using (var command = Command(connection, "SELECT profile_id, type, value FROM identities WHERE profile_id IN (SELECT id FROM temp.only_profiles) ORDER BY profile_id, seq", transaction))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (live.TryGetValue(reader.GetInt64(0), out var found))
                {
                    found.Identifiers.Add(new Identifier(reader.GetString(1), _protector.OpenText(reader.GetValue(2), ProtectedColumns.IdentityValue)));
                }
            }
        }

        // Only the latest value of each trait from each source: survivorship ranks sources first, then recency, so the
        // rest of the history cannot win.
        using (var command = Command(
            connection,
            """
            SELECT p.canonical_id, l.name, l.value, s.name, s.trust, s.kind, l.observed_at, l.seq FROM latest_traits l
            JOIN profiles p ON p.id = l.profile_id JOIN sources s ON s.id = l.source_id
            WHERE p.canonical_id IN (SELECT id FROM temp.only_profiles) AND l.name IN (SELECT value FROM json_each($names))
            ORDER BY p.canonical_id, l.name, l.seq
            """,
            transaction,
            "$names"))
        {
            command.Parameters[0].Value = JsonSerializer.Serialize(traitNames);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (live.TryGetValue(reader.GetInt64(0), out var found))
                {
                    found.Traits.Add(Trait(reader, 1));
                }
            }
        }

        transaction.Commit();
        return [.. live.Select(p => new SearchableProfile(new ProfileId(p.Key), p.Value.Identifiers, p.Value.Traits))];
    }

    /// <summary>Fills the connection's temporary table <c>only_profiles</c> with these ids, for queries about some profiles only.</summary>
    internal static void FillOnlyProfiles(SqliteConnection connection, IEnumerable<ProfileId> profiles, SqliteTransaction? transaction = null)
    {
        // Connections are pooled: the table may be left from an earlier call on this one.
        SqliteDatabase.Execute(connection, "CREATE TEMP TABLE IF NOT EXISTS only_profiles (id INTEGER PRIMARY KEY); DELETE FROM temp.only_profiles;", transaction);
        using var insert = new RawStatement(connection, "INSERT OR IGNORE INTO temp.only_profiles (id) VALUES (?1)");
        foreach (var profile in profiles)
        {
            insert.Bind(1, profile.Value).Step();
        }
    }

    public async Task<IReadOnlyList<TraitValue>> CurrentTraitsAsync(ProfileId profile, CancellationToken cancellationToken) =>
        Survivorship.Current(await QueryAsync(
            """
            SELECT l.name, l.value, s.name, s.trust, s.kind, l.observed_at, l.seq FROM latest_traits l
            JOIN profiles p ON p.id = l.profile_id JOIN sources s ON s.id = l.source_id
            WHERE p.canonical_id = $profile
            """,
            profile,
            r => Trait(r, 0),
            cancellationToken));

    /// <summary>A trait row (of the history or a latest value) joined with its source: name, value, source name, trust, kind, observed_at, seq from <paramref name="first"/> on.</summary>
    private TraitValue Trait(SqliteDataReader reader, int first) =>
        new(
            reader.GetString(first), _protector.OpenText(reader.GetValue(first + 1), ProtectedColumns.TraitValue), reader.GetString(first + 2),
            reader.GetInt32(first + 3), reader.GetString(first + 4) == "third-party", DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 5)), reader.GetInt64(first + 6));

    public async Task<IReadOnlyList<TraitValue>> TraitHistoryAsync(ProfileId profile, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            {SequenceRanges.With}
            SELECT t.name, t.value, s.name, s.trust, s.kind, t.observed_at, t.seq
            FROM {SequenceRanges.From("traits", "t")} JOIN events e ON e.seq = t.seq JOIN sources s ON s.id = e.source_id
            WHERE p.canonical_id = $profile AND {SequenceRanges.On("t")} ORDER BY t.name, t.seq
            """,
            profile,
            r => Trait(r, 0),
            cancellationToken);

    public Task<IReadOnlyList<LoggedEvent>> EventsAsync(ProfileId profile, long beforeSequence, int limit, string? type, string? source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        using var query = new RawStatement(
            connection,
            $"""
            {SequenceRanges.With}
            SELECT e.seq, s.name, e.message_id, e.type, e.received_at, e.timestamp, e.payload
            FROM {SequenceRanges.From("event_profiles", "ep")} JOIN events e ON e.seq = ep.seq JOIN sources s ON s.id = e.source_id
            WHERE p.canonical_id = ?1 AND {SequenceRanges.On("ep")} AND r.n <= (?2 - 1) >> 16 AND ep.seq < ?2
              AND (?3 IS NULL OR e.type = ?3) AND (?4 IS NULL OR s.name = ?4)
            ORDER BY ep.seq DESC LIMIT ?5
            """);
        query.Bind(1, profile.Value).Bind(2, beforeSequence).Bind(3, type).Bind(4, source).Bind(5, limit);
        return Task.FromResult(SqliteEventLog.ReadEvents(query, _protector));
    }

    public async Task<IReadOnlyList<MergeRecord>> MergesAsync(ProfileId profile, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT m.from_id, m.into_id, m.via_type, m.via_value, m.seq, m.blocked, m.reason, m.evidence FROM merges m
            WHERE m.into_id IN (SELECT id FROM profiles WHERE canonical_id = $profile)
               OR m.from_id IN (SELECT id FROM profiles WHERE canonical_id = $profile)
            ORDER BY m.seq, m.id
            """,
            profile,
            r => new MergeRecord(
                new ProfileId(r.GetInt64(0)), new ProfileId(r.GetInt64(1)), new Identifier(r.GetString(2), _protector.OpenText(r.GetValue(3), ProtectedColumns.MergeVia)), r.GetInt64(4), r.GetInt64(5) == 1,
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : Evidence(r.GetString(7))),
            cancellationToken);

    public async IAsyncEnumerable<(string Source, string RecordId, ProfileId Profile)> LineageAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(
            connection,
            """
            SELECT s.name, e.message_id, p.canonical_id, e.payload
            FROM events e JOIN sources s ON s.id = e.source_id
            JOIN event_profiles ep ON ep.seq = e.seq JOIN profiles p ON p.id = ep.profile_id ORDER BY e.seq
            """);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), PayloadText(reader, 3, "import", "recordId") ?? reader.GetString(1), new ProfileId(reader.GetInt64(2)));
        }
    }

    public async Task AddSeparationAsync(ProfileId from, ProfileId into, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, "INSERT OR IGNORE INTO separations (from_id, into_id, created_at) VALUES ($from, $into, $at)", null, "$from", "$into", "$at");
        SetAll(command, from.Value, into.Value, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(ProfileId From, ProfileId Into)>> SeparationsAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT from_id, into_id FROM separations");
        var pairs = new List<(ProfileId, ProfileId)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((new ProfileId(reader.GetInt64(0)), new ProfileId(reader.GetInt64(1))));
        }

        return pairs;
    }

    public async IAsyncEnumerable<ProfileId> ProfilesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT id FROM profiles WHERE canonical_id = id ORDER BY id");
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ProfileId(reader.GetInt64(0));
        }
    }

    public async IAsyncEnumerable<PersonTraitObservation> PersonTraitsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var names = PersonTraits.Names.ToArray();
        using var command = Command(
            connection,
            $"SELECT p.canonical_id, t.seq, t.name, t.value FROM traits t JOIN profiles p ON p.id = t.profile_id WHERE t.name IN ({string.Join(", ", names.Select((_, i) => $"$n{i}"))}) ORDER BY t.seq",
            null,
            [.. names.Select((_, i) => $"$n{i}")]);
        SetAll(command, names);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new PersonTraitObservation(new ProfileId(reader.GetInt64(0)), reader.GetInt64(1), reader.GetString(2), _protector.OpenText(reader.GetValue(3), ProtectedColumns.TraitValue));
        }
    }

    public async Task<MatchModel?> MatchModelAsync(CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT model FROM match_models ORDER BY id DESC LIMIT 1", cancellationToken) is string json
            ? JsonSerializer.Deserialize<MatchModel>(json, ModelJson.Options)
            : null;

    public async Task SaveMatchModelAsync(MatchModel model, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, "INSERT INTO match_models (model, created_at) VALUES ($model, $at)", null, "$model", "$at");
        SetAll(command, JsonSerializer.Serialize(model, ModelJson.Options), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredSuggestion>> SuggestionsAsync(string status, long afterId, int limit, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, SuggestionQuery + " WHERE s.status = $status AND s.id > $after ORDER BY s.id LIMIT $limit", null, "$status", "$after", "$limit");
        SetAll(command, status, afterId, limit);
        return await ReadSuggestionsAsync(command, cancellationToken);
    }

    public async Task<StoredSuggestion?> SuggestionAsync(long id, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, SuggestionQuery + " WHERE s.id = $id", null, "$id");
        SetAll(command, id);
        return (await ReadSuggestionsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task DecideSuggestionAsync(long id, string status, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, "UPDATE merge_suggestions SET status = $status, decided_at = $at WHERE id = $id", null, "$status", "$at", "$id");
        SetAll(command, status, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> AddApprovedMatchAsync(ProfileId profile, ProfileId other, long afterSequence, MatchEvidence evidence, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(
            connection,
            "INSERT INTO approved_matches (profile_id, other_id, after_seq, evidence, created_at) VALUES ($profile, $other, $after, $evidence, $at) RETURNING id",
            null,
            "$profile", "$other", "$after", "$evidence", "$at");
        SetAll(command, profile.Value, other.Value, afterSequence, Json(evidence), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<ApprovedMatch>> ApprovedMatchesAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT id, profile_id, other_id, after_seq, evidence FROM approved_matches ORDER BY id");
        var approvals = new List<ApprovedMatch>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            approvals.Add(new ApprovedMatch(reader.GetInt64(0), new ProfileId(reader.GetInt64(1)), new ProfileId(reader.GetInt64(2)), reader.GetInt64(3), Evidence(reader.GetString(4))));
        }

        return approvals;
    }

    private const string SuggestionQuery = """
        SELECT s.id, s.profile_id, s.other_id, pa.canonical_id, pb.canonical_id, s.evidence, s.seq, s.status, s.decided_at FROM merge_suggestions s
        JOIN profiles pa ON pa.id = s.profile_id JOIN profiles pb ON pb.id = s.other_id
        """;

    private static async Task<IReadOnlyList<StoredSuggestion>> ReadSuggestionsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var suggestions = new List<StoredSuggestion>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            suggestions.Add(new StoredSuggestion(
                reader.GetInt64(0), new ProfileId(reader.GetInt64(1)), new ProfileId(reader.GetInt64(2)), new ProfileId(reader.GetInt64(3)), new ProfileId(reader.GetInt64(4)),
                Evidence(reader.GetString(5)), reader.GetInt64(6), reader.GetString(7), reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))));
        }

        return suggestions;
    }

    /// <summary>
    /// <c>context.{section}.{name}</c> of the event payload in column <paramref name="ordinal"/>, when it is a string:
    /// read here, not with json_extract in SQL, because the payload is sealed on disk.
    /// </summary>
    private string? PayloadText(SqliteDataReader reader, int ordinal, string section, string name)
    {
        var payload = _protector.Open((byte[])reader.GetValue(ordinal), ProtectedColumns.EventPayload);
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object
            && part.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    private static string? Json(MatchEvidence? evidence) => evidence is null ? null : JsonSerializer.Serialize(evidence, ModelJson.Options);

    private static MatchEvidence Evidence(string json) => JsonSerializer.Deserialize<MatchEvidence>(json, ModelJson.Options)!;

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, ProfileId profile, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, sql, null, "$profile");
        command.Parameters[0].Value = profile.Value;
        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    internal static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void SetAll(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    internal static void Run(SqliteCommand command, params object?[] values)
    {
        SetAll(command, values);
        command.ExecuteNonQuery();
    }
}
