using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Privacy;
using Sightline.Core.Profiles;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// Segments in SQLite. Definitions live beside the log (people wrote them); memberships, their history and
/// computed-trait states are derived. A rebuild resets computed-trait states but keeps memberships and history:
/// profile ids come out the same, so the first evaluation after it records only what really changed.
/// </summary>
public sealed class SqliteSegmentStore(SqliteDatabase database, TimeProvider time) : ISegmentStore
{
    /// <summary>The most membership changes committed in one transaction (see <see cref="WriteRemaining"/>); about 0.1 s of writing.</summary>
    internal const int MembershipSlice = 20_000;

    private const string Columns = "id, name, expression, description, created_at, updated_at";

    public async Task<IReadOnlyList<SegmentDefinition>> ListAsync(CancellationToken cancellationToken) =>
        await ReadAsync($"SELECT {Columns} FROM segments ORDER BY name", Definition, cancellationToken);

    public async Task<SegmentDefinition?> FindAsync(string nameOrId, CancellationToken cancellationToken) =>
        (await ReadAsync(
            $"SELECT {Columns} FROM segments WHERE name = $name OR (id = $id AND $id IS NOT NULL)", Definition, cancellationToken,
            ("$name", nameOrId), ("$id", long.TryParse(nameOrId, out var id) ? id : null))).FirstOrDefault();

    public async Task<SegmentDefinition?> CreateAsync(string name, string expression, string? description, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return (await ReadAsync(
            $"INSERT INTO segments (name, expression, description, created_at, updated_at) VALUES ($name, $expression, $description, $now, $now) ON CONFLICT (name) DO NOTHING RETURNING {Columns}",
            Definition, cancellationToken, ("$name", name), ("$expression", expression), ("$description", description), ("$now", now))).FirstOrDefault();
    }

    public async Task<SegmentDefinition?> UpdateAsync(long id, string name, string expression, string? description, CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadAsync(
                $"UPDATE segments SET name = $name, expression = $expression, description = $description, updated_at = $now WHERE id = $id RETURNING {Columns}",
                Definition, cancellationToken,
                ("$id", id), ("$name", name), ("$expression", expression), ("$description", description), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()))).FirstOrDefault();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == 2067)
        {
            // SQLITE_CONSTRAINT_UNIQUE: another segment has the name.
            return null;
        }
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        (await ReadAsync("DELETE FROM segments WHERE id = $id RETURNING id", r => r.GetInt64(0), cancellationToken, ("$id", id))).Count > 0;

    public async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(
            """
            SELECT (SELECT count(*) || ':' || coalesce(max(updated_at), 0) || ':' || total(id) FROM segments)
                || '/' || (SELECT count(*) || ':' || coalesce(max(updated_at), 0) || ':' || total(created_at) FROM computed_trait_definitions)
            """,
            r => r.GetString(0), cancellationToken))[0];

    public async Task<IReadOnlyList<StoredTraitDefinition>> ComputedDefinitionsAsync(CancellationToken cancellationToken) =>
        await ReadAsync(
            "SELECT definition, created_at, updated_at FROM computed_trait_definitions ORDER BY name",
            r => new StoredTraitDefinition(
                TraitDefinitionLoader.ParseOne(JsonNode.Parse(r.GetString(0))!.AsObject()).Definition
                    ?? throw new InvalidDataException($"The stored computed trait {r.GetString(0)} no longer reads as a definition."),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2))),
            cancellationToken);

    public async Task<bool> AddComputedAsync(TraitDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return (await ReadAsync(
            "INSERT INTO computed_trait_definitions (name, definition, created_at, updated_at) VALUES ($name, $definition, $now, $now) ON CONFLICT (name) DO NOTHING RETURNING name",
            r => r.GetString(0), cancellationToken,
            ("$name", definition.Name), ("$definition", TraitDefinitionLoader.ToJson(definition).ToJsonString()), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()))).Count > 0;
    }

    public async Task<bool> ReplaceComputedAsync(TraitDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return (await ReadAsync(
            "UPDATE computed_trait_definitions SET definition = $definition, updated_at = $now WHERE name = $name RETURNING name",
            r => r.GetString(0), cancellationToken,
            ("$name", definition.Name), ("$definition", TraitDefinitionLoader.ToJson(definition).ToJsonString()), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()))).Count > 0;
    }

    public async Task<bool> DeleteComputedAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAsync("DELETE FROM computed_trait_definitions WHERE name = $name RETURNING name", r => r.GetString(0), cancellationToken, ("$name", name))).Count > 0;

    public async Task LoadAsync(SegmentEngine engine, IReadOnlyCollection<ProfileId>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        using var connection = database.Open();
        var filter = Only(connection, only);
        await EachAsync(connection, $"SELECT id FROM profiles p WHERE canonical_id = id{filter}", r => engine.LoadProfile(new ProfileId(r.GetInt64(0))), cancellationToken);
        await EachAsync(
            connection,
            $"""
            SELECT p.canonical_id, l.name, l.value, s.kind, s.trust, l.observed_at, l.seq FROM latest_traits l
            JOIN profiles p ON p.id = l.profile_id JOIN sources s ON s.id = l.source_id WHERE 1{filter}
            """,
            r =>
            {
                using var value = JsonDocument.Parse(database.Protector.OpenText(r.GetValue(2), ProtectedColumns.TraitValue));
                engine.LoadTrait(
                    new ProfileId(r.GetInt64(0)), r.GetString(1), value.RootElement,
                    new TraitRank(r.GetString(3) != "third-party", r.GetInt32(4), r.GetInt64(5), r.GetInt64(6)));
            },
            cancellationToken);
        await EachAsync(
            connection,
            $"SELECT p.canonical_id, c.purpose, c.granted, c.observed_at, c.seq FROM consents c JOIN profiles p ON p.id = c.profile_id WHERE 1{filter}",
            r => engine.LoadConsent(new ProfileId(r.GetInt64(0)), r.GetString(1), r.GetInt64(2) == 1, r.GetInt64(3), r.GetInt64(4)),
            cancellationToken);
        await EachAsync(
            connection,
            $"SELECT p.canonical_id, c.name, c.state FROM computed_traits c JOIN profiles p ON p.id = c.profile_id WHERE 1{filter}",
            r => engine.LoadComputed(new ProfileId(r.GetInt64(0)), r.GetString(1), TraitState.FromJson(database.Protector.Open((byte[])r.GetValue(2), ProtectedColumns.ComputedState))),
            cancellationToken);
        await EachAsync(
            connection,
            EventsOf("p.canonical_id, e.timestamp, e.payload", "e.type = 'track'", filter),
            r =>
            {
                using var message = JsonDocument.Parse(database.Protector.Open((byte[])r.GetValue(2), ProtectedColumns.EventPayload));
                engine.LoadEvent(new ProfileId(r.GetInt64(0)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), message.RootElement);
            },
            cancellationToken);
        if (only is not null)
        {
            // The engine kept the memberships of the profiles it loads again.
            return;
        }

        await EachAsync(connection, "SELECT segment_id, profile_id FROM segment_members", r => engine.LoadMember(r.GetInt64(0), new ProfileId(r.GetInt64(1))), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> ComputedFingerprintsAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT name, fingerprint FROM computed_fingerprints", r => (r.GetString(0), r.GetString(1)), cancellationToken))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    public async Task RecomputeAsync(ComputedRecomputation recomputation, IReadOnlyCollection<ProfileId>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recomputation);
        using var connection = database.Open();
        var filter = Only(connection, only);
        await EachAsync(
            connection,
            EventsOf("p.canonical_id, e.seq, e.type, e.message_id, e.timestamp, e.payload", "1", filter) + " ORDER BY e.seq",
            r =>
            {
                using var message = JsonDocument.Parse(database.Protector.Open((byte[])r.GetValue(5), ProtectedColumns.EventPayload));
                recomputation.Add(
                    new ProfileId(r.GetInt64(0)), r.GetInt64(1), MessageTypes.Parse(r.GetString(2)), r.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), message.RootElement);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, int>> SizesAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT segment_id, count(*) FROM segment_members GROUP BY segment_id", r => (r.GetInt64(0), r.GetInt32(1)), cancellationToken))
            .ToDictionary(p => p.Item1, p => p.Item2);

    public async Task<IReadOnlyList<SegmentMember>> MembersAsync(long segment, long afterProfile, int limit, CancellationToken cancellationToken) =>
        await ReadAsync(
            "SELECT segment_id, profile_id, since FROM segment_members WHERE segment_id = $segment AND profile_id > $after ORDER BY profile_id LIMIT $limit",
            Member, cancellationToken, ("$segment", segment), ("$after", afterProfile), ("$limit", limit));

    public async Task<IReadOnlyList<MembershipEntry>> HistoryAsync(long? segment, ProfileId? profile, long beforeId, int limit, CancellationToken cancellationToken) =>
        await ReadAsync(
            """
            SELECT id, segment_id, profile_id, entered, at FROM segment_history
            WHERE id < $before AND ($segment IS NULL OR segment_id = $segment)
              AND ($profile IS NULL OR profile_id IN (SELECT id FROM profiles WHERE canonical_id = $profile) OR profile_id = $profile)
            ORDER BY id DESC LIMIT $limit
            """,
            r => new MembershipEntry(r.GetInt64(0), r.GetInt64(1), new ProfileId(r.GetInt64(2)), r.GetInt64(3) == 1, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))),
            cancellationToken, ("$before", beforeId), ("$segment", segment), ("$profile", profile?.Value), ("$limit", limit));

    public async Task<IReadOnlyList<MembershipDay>> DailyChangesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        // History is appended as changes are decided, so its ids follow time: reading it backwards stops at the first
        // older row, and costs the window's rows rather than the whole history.
        var from = since.ToUnixTimeMilliseconds();
        var days = new Dictionary<(long Segment, long Day), (int Entered, int Left)>();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT segment_id, entered, at FROM segment_history ORDER BY id DESC";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && reader.GetInt64(2) is var at && at >= from)
        {
            var key = (reader.GetInt64(0), at / 86_400_000);
            var (entered, left) = days.GetValueOrDefault(key);
            days[key] = reader.GetInt64(1) == 1 ? (entered + 1, left) : (entered, left + 1);
        }

        return [.. days.Select(d => new MembershipDay(d.Key.Segment, DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)d.Key.Day), d.Value.Entered, d.Value.Left))];
    }

    public async Task<IReadOnlyList<SegmentMember>> MembershipsAsync(ProfileId profile, CancellationToken cancellationToken) =>
        await ReadAsync(
            "SELECT segment_id, profile_id, since FROM segment_members WHERE profile_id = $profile ORDER BY since, segment_id",
            Member, cancellationToken, ("$profile", profile.Value));

    public async Task<IReadOnlyDictionary<string, TraitState>> ComputedStatesAsync(ProfileId profile, CancellationToken cancellationToken) =>
        (await ReadAsync(
            "SELECT name, state FROM computed_traits WHERE profile_id = $profile",
            r => (r.GetString(0), TraitState.FromJson(database.Protector.Open((byte[])r.GetValue(1), ProtectedColumns.ComputedState))),
            cancellationToken, ("$profile", profile.Value)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    /// <summary>What the stored fingerprints read while the pipeline holds changed computed states in memory.</summary>
    internal const string UnsettledFingerprint = "unsettled";

    /// <summary>Stores a batch's computed-trait states and membership changes, inside the pipeline's transaction.</summary>
    internal static void Write(SqliteConnection connection, SqliteTransaction transaction, ProfileChanges changes, FieldProtector protector)
    {
        using (var retire = SqliteProfileStore.Command(connection, "DELETE FROM computed_traits WHERE profile_id = $profile", transaction, "$profile"))
        {
            foreach (var profile in changes.ComputedRetired)
            {
                SqliteProfileStore.Run(retire, profile.Value);
            }
        }

        using (var state = new RawStatement(connection, "INSERT OR REPLACE INTO computed_traits (profile_id, name, state) VALUES (?1, ?2, ?3)"))
        {
            // Sealed into one buffer, which SQLite copies as it binds: a batch rewrites the states of most profiles it
            // touches. In key order, like the profile store's rows (see its CommitAsync).
            var stored = Array.Empty<byte>();
            foreach (var index in SqliteProfileStore.InIndexOrder(changes.ComputedStates, static s => (0L, s.Profile.Value, s.Trait)))
            {
                var (profile, trait, json) = changes.ComputedStates[index];
                var length = protector.StoredLength(json.Length);
                if (stored.Length < length)
                {
                    stored = new byte[Math.Max(length, stored.Length * 2)];
                }

                state.Bind(1, profile.Value).Bind(2, trait).Bind(3, stored.AsSpan(0, protector.Seal(json, ProtectedColumns.ComputedState, stored))).Step();
            }
        }

        if (changes.ComputedUnsettled)
        {
            // No definition's fingerprint reads like this, so every trait is built again from the log at the next start.
            SqliteDatabase.Execute(connection, $"UPDATE computed_fingerprints SET fingerprint = '{UnsettledFingerprint}'", transaction);
        }

        using (var fingerprint = SqliteProfileStore.Command(connection, "INSERT OR REPLACE INTO computed_fingerprints (name, fingerprint) VALUES ($name, $fingerprint)", transaction, "$name", "$fingerprint"))
        {
            foreach (var (trait, print) in changes.ComputedFingerprints)
            {
                SqliteProfileStore.Run(fingerprint, trait, print);
            }
        }

        foreach (var dropped in changes.ComputedDropped)
        {
            using var states = SqliteProfileStore.Command(connection, "DELETE FROM computed_traits WHERE name = $name", transaction, "$name");
            SqliteProfileStore.Run(states, dropped);
            using var print = SqliteProfileStore.Command(connection, "DELETE FROM computed_fingerprints WHERE name = $name", transaction, "$name");
            SqliteProfileStore.Run(print, dropped);
        }

        using var memberships = new MembershipWriter(connection);
        memberships.Write(CollectionsMarshal.AsSpan(changes.Memberships)[..Math.Min(changes.Memberships.Count, MembershipSlice)]);
    }

    /// <summary>
    /// Stores the membership changes past the first <see cref="MembershipSlice"/>, a slice per transaction, once the
    /// batch's own transaction (with its checkpoint) has committed.
    /// </summary>
    /// <remarks>
    /// A first full evaluation records millions of changes: as one transaction it held the derived file's write lock
    /// for the whole commit, longer than the 30 s other writers wait for it, and grew the WAL to the size of everything
    /// it wrote before a checkpoint could copy any of it. Slices leave nothing half-written: each holds whole changes
    /// (a member row with its history row), and what a crash leaves out is found again by the full evaluation the
    /// pipeline runs at every start, since the stored checkpoint already covers the events the changes derive from.
    /// </remarks>
    internal static void WriteRemaining(SqliteConnection connection, ProfileChanges changes)
    {
        if (changes.Memberships.Count <= MembershipSlice)
        {
            return;
        }

        // Checkpointing after each slice (SQLite's 1,000 pages) synced the file a few hundred times for a first
        // evaluation; every 64 MB of WAL bounds the WAL all the same. The connection is pooled, so it gets its own back.
        long kept;
        using (var current = connection.CreateCommand())
        {
            current.CommandText = "PRAGMA wal_autocheckpoint";
            kept = (long)current.ExecuteScalar()!;
        }

        SqliteDatabase.Execute(connection, $"PRAGMA wal_autocheckpoint = {Math.Max(kept, SqliteDatabase.BackgroundCheckpointBound)}");
        try
        {
            using var memberships = new MembershipWriter(connection);
            for (var from = MembershipSlice; from < changes.Memberships.Count; from += MembershipSlice)
            {
                using var transaction = connection.BeginTransaction(deferred: true);
                memberships.Write(CollectionsMarshal.AsSpan(changes.Memberships)[from..Math.Min(changes.Memberships.Count, from + MembershipSlice)]);
                transaction.Commit();
            }
        }
        finally
        {
            SqliteDatabase.Execute(connection, $"PRAGMA wal_autocheckpoint = {kept}");
        }
    }

    private static SegmentDefinition Definition(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)));

    private static SegmentMember Member(SqliteDataReader r) => new(r.GetInt64(0), new ProfileId(r.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)));

    private Task<List<T>> ReadAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.QueryAsync(sql, read, cancellationToken, parameters);

    /// <summary>A condition on <c>p.canonical_id</c> naming <paramref name="only"/> (held in a temporary table of the connection), or nothing for every profile.</summary>
    private static string Only(SqliteConnection connection, IReadOnlyCollection<ProfileId>? only)
    {
        if (only is null)
        {
            return "";
        }

        SqliteProfileStore.FillOnlyProfiles(connection, only);
        return " AND p.canonical_id IN (SELECT id FROM temp.only_profiles)";
    }

    /// <summary>
    /// A query of <paramref name="columns"/> from the events <c>e</c> that meet <paramref name="condition"/>, each with
    /// the profile <c>p</c> it joined, of the profiles <paramref name="filter"/> (from <see cref="Only"/>) keeps.
    /// </summary>
    private static string EventsOf(string columns, string condition, string filter) =>
        filter.Length == 0
            ? $"SELECT {columns} FROM events e JOIN event_profiles ep ON ep.seq = e.seq JOIN profiles p ON p.id = ep.profile_id WHERE {condition}"
            : $"{SequenceRanges.With} SELECT {columns} FROM {SequenceRanges.From("event_profiles", "ep")} JOIN events e ON e.seq = ep.seq WHERE {SequenceRanges.On("ep")} AND {condition}{filter}";

    private static async Task EachAsync(SqliteConnection connection, string sql, Action<SqliteDataReader> each, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            each(reader);
        }
    }
}
