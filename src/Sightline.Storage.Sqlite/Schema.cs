namespace Sightline.Storage.Sqlite;

/// <summary>
/// Schema migrations, applied in order; each database file records how many it has in <c>user_version</c>.
/// The log lives in one file; derived state (rebuildable from the log) in another, attached as <c>derived</c>,
/// so the pipeline's commits never wait for the log writer's lock or make it wait.
/// </summary>
internal static class Schema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE sources (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            kind        TEXT NOT NULL,
            trust       INTEGER NOT NULL,
            write_key   TEXT NOT NULL UNIQUE,
            created_at  INTEGER NOT NULL
        );

        -- The log. seq orders it; (source_id, message_id) makes appends idempotent forever.
        CREATE TABLE events (
            seq         INTEGER PRIMARY KEY,
            source_id   INTEGER NOT NULL REFERENCES sources(id),
            message_id  TEXT NOT NULL,
            type        TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            timestamp   INTEGER NOT NULL,
            payload     BLOB NOT NULL
        );
        CREATE UNIQUE INDEX events_by_source_message ON events (source_id, message_id);

        CREATE TABLE quarantine (
            id            INTEGER PRIMARY KEY,
            source_id     INTEGER REFERENCES sources(id),
            received_at   INTEGER NOT NULL,
            message_index INTEGER,
            message_id    TEXT,
            field         TEXT NOT NULL,
            reason        TEXT NOT NULL,
            payload       BLOB NOT NULL
        );
        CREATE INDEX quarantine_by_source ON quarantine (source_id, id);

        CREATE TABLE api_keys (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            role        TEXT NOT NULL,
            key_hash    BLOB NOT NULL UNIQUE,
            created_at  INTEGER NOT NULL
        );
        """,
        Separations,
        """
        ALTER TABLE sources ADD COLUMN phone_region TEXT;
        ALTER TABLE sources ADD COLUMN identifier_traits TEXT NOT NULL DEFAULT '';
        """,
        Matching,
        Imports,
        """
        -- Who read or changed what through the API: key id and name, route pattern, profile id. Never a personal value.
        CREATE TABLE audit (
            id      INTEGER PRIMARY KEY,
            at      INTEGER NOT NULL,
            actor   TEXT NOT NULL,
            role    TEXT NOT NULL,
            action  TEXT NOT NULL,
            profile TEXT,
            status  INTEGER NOT NULL
        );
        CREATE INDEX audit_by_profile ON audit (profile, id) WHERE profile IS NOT NULL;
        """,
        Privacy,
        """
        -- Segments people saved; memberships are derived (in the derived file).
        CREATE TABLE segments (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            expression  TEXT NOT NULL,
            description TEXT,
            created_at  INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL
        );
        """,
        Retention,
        """
        -- The encryption keys values here are sealed under, by fingerprint (never the key): a start with a missing or
        -- wrong key fails with a clear message instead of reading garbage; a retired key's row goes once nothing uses it.
        CREATE TABLE encryption_keys (
            id          INTEGER PRIMARY KEY,
            fingerprint BLOB NOT NULL,
            created_at  INTEGER NOT NULL
        );
        """,
        DashboardUsersSchema.Migration,
        ComputedTraitDefinitions,
        Traffic,
    ];

    // Appended to Migrations: computed traits declared through the admin API, as the JSON people write (those of the
    // configuration live in its file).
    private const string ComputedTraitDefinitions = """
        CREATE TABLE computed_trait_definitions (
            name       TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        """;

    /// <summary>Empties the derived state, for the pipeline to derive it again from the log.</summary>
    public const string ResetDerived = ResetDerivedBeforeLatestTraits + "DELETE FROM derived.latest_traits;";

    // What ResetDerived was when a derived migration used it: a migration must not name a table a later one creates.
    private const string ResetDerivedBeforeLatestTraits = """
        DELETE FROM derived.profiles; DELETE FROM derived.identities; DELETE FROM derived.event_profiles; DELETE FROM derived.traits;
        DELETE FROM derived.merges; DELETE FROM derived.merge_suggestions; DELETE FROM derived.consents; DELETE FROM derived.computed_traits; UPDATE derived.pipeline SET checkpoint = 0;
        """;

    // Appended to Migrations: counters the log writer keeps in the same transaction as what it counts, so the dashboard
    // reads "events today by source and type" from a few hundred rows instead of scanning the log. Hours are UTC hours
    // since the Unix epoch of when Sightline received the message; type '' holds rejections; last_at is the newest
    // accepted message of the hour (ms), 0 for none. Counters are of traffic: retention and erasure do not lower them.
    // The first run counts what is already logged and quarantined.
    private const string Traffic = """
        CREATE TABLE traffic (
            hour      INTEGER NOT NULL,
            source_id INTEGER NOT NULL,
            type      TEXT NOT NULL,
            events    INTEGER NOT NULL DEFAULT 0,
            rejected  INTEGER NOT NULL DEFAULT 0,
            last_at   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (hour, source_id, type)
        ) WITHOUT ROWID;
        INSERT INTO traffic (hour, source_id, type, events, last_at)
            SELECT received_at / 3600000, source_id, type, count(*), max(received_at) FROM events GROUP BY 1, 2, 3;
        INSERT INTO traffic (hour, source_id, type, rejected)
            SELECT received_at / 3600000, coalesce(source_id, 0), '', count(*) FROM quarantine GROUP BY 1, 2;
        """;

    // Appended to Migrations: each retention pass with what it deleted, per source and type (counts only).
    private const string Retention = """
        CREATE TABLE retention_runs (
            id          INTEGER PRIMARY KEY,
            trigger     TEXT NOT NULL,
            started_at  INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            counts      TEXT NOT NULL
        );
        """;

    // Appended to Migrations: data-subject requests name the person only by identifier type and keyed hash; the
    // suppression list holds keyed hashes of erased identifiers; drops are counted per source, never kept.
    private const string Privacy = """
        CREATE TABLE privacy_requests (
            id              INTEGER PRIMARY KEY,
            type            TEXT NOT NULL,
            identifier_type TEXT NOT NULL,
            identifier_hash BLOB NOT NULL,
            requested_by    TEXT NOT NULL,
            reason          TEXT,
            status          TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            completed_at    INTEGER,
            profile         TEXT,
            counts          TEXT NOT NULL DEFAULT '{}'
        );

        CREATE TABLE suppressions (
            hash       BLOB PRIMARY KEY,
            request_id INTEGER,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE suppressed_drops (
            source  TEXT PRIMARY KEY,
            dropped INTEGER NOT NULL,
            last_at INTEGER NOT NULL
        );

        ALTER TABLE imports ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE audit ADD COLUMN reason TEXT;
        """;

    // Appended to Migrations: each file import with its mapping and counts, the latest version of every imported
    // record (so a re-import knows new from updated from unchanged), and where a quarantined row came from.
    private const string Imports = """
        CREATE TABLE imports (
            id          INTEGER PRIMARY KEY,
            source_id   INTEGER NOT NULL REFERENCES sources(id),
            file        TEXT NOT NULL,
            mapping     TEXT NOT NULL,
            started_at  INTEGER NOT NULL,
            finished_at INTEGER,
            rows_read   INTEGER NOT NULL DEFAULT 0,
            imported    INTEGER NOT NULL DEFAULT 0,
            updated     INTEGER NOT NULL DEFAULT 0,
            unchanged   INTEGER NOT NULL DEFAULT 0,
            quarantined INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE import_records (
            source_id INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            hash      BLOB NOT NULL,
            version   INTEGER NOT NULL,
            PRIMARY KEY (source_id, record_id)
        ) WITHOUT ROWID;

        ALTER TABLE quarantine ADD COLUMN import_id INTEGER;
        ALTER TABLE quarantine ADD COLUMN line INTEGER;
        CREATE INDEX quarantine_by_import ON quarantine (import_id) WHERE import_id IS NOT NULL;
        CREATE INDEX quarantine_by_line ON quarantine (source_id, line) WHERE line IS NOT NULL;
        """;

    // Appended to Migrations: the match model in force and people's approvals of suggested matches are not derived either.
    private const string Matching = """
        CREATE TABLE match_models (
            id         INTEGER PRIMARY KEY,
            model      TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE approved_matches (
            id             INTEGER PRIMARY KEY,
            profile_id     INTEGER NOT NULL,
            other_id       INTEGER NOT NULL,
            after_seq      INTEGER NOT NULL,
            evidence       TEXT NOT NULL,
            created_at     INTEGER NOT NULL
        );
        """;

    // Appended to Migrations: a person's unmerge decisions are not derived, so they live beside the log.
    private const string Separations = """
        CREATE TABLE separations (
            from_id    INTEGER NOT NULL,
            into_id    INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (from_id, into_id)
        );
        """;

    public static readonly IReadOnlyList<string> DerivedMigrations =
    [
        """
        CREATE TABLE derived.pipeline (id INTEGER PRIMARY KEY CHECK (id = 1), checkpoint INTEGER NOT NULL);
        INSERT INTO derived.pipeline (id, checkpoint) VALUES (1, 0);

        -- id is the sequence number of the event that created the profile; canonical_id the live profile it is now part of.
        CREATE TABLE derived.profiles (id INTEGER PRIMARY KEY, canonical_id INTEGER NOT NULL);
        CREATE INDEX derived.profiles_by_canonical ON profiles (canonical_id);

        CREATE TABLE derived.identities (
            type       TEXT NOT NULL,
            value      TEXT NOT NULL,
            profile_id INTEGER NOT NULL,
            seq        INTEGER NOT NULL,
            PRIMARY KEY (type, value, profile_id)
        ) WITHOUT ROWID;
        CREATE INDEX derived.identities_by_profile ON identities (profile_id);

        -- Lineage: the profile each event joined when resolved (its live profile is that profile's canonical_id).
        CREATE TABLE derived.event_profiles (seq INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL);
        CREATE INDEX derived.event_profiles_by_profile ON event_profiles (profile_id, seq);

        CREATE TABLE derived.traits (
            profile_id INTEGER NOT NULL,
            name       TEXT NOT NULL,
            value      TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            observed_at INTEGER NOT NULL
        );
        CREATE INDEX derived.traits_by_profile ON traits (profile_id, name);

        CREATE TABLE derived.merges (
            id         INTEGER PRIMARY KEY,
            seq        INTEGER NOT NULL,
            from_id    INTEGER NOT NULL,
            into_id    INTEGER NOT NULL,
            via_type   TEXT NOT NULL,
            via_value  TEXT NOT NULL,
            blocked    INTEGER NOT NULL,
            reason     TEXT
        );
        CREATE INDEX derived.merges_by_from ON merges (from_id);
        CREATE INDEX derived.merges_by_into ON merges (into_id);
        """,
        """
        ALTER TABLE derived.merges ADD COLUMN evidence TEXT;

        -- One row per pair (low id first): a pair suggested again keeps its first suggestion.
        CREATE TABLE derived.merge_suggestions (
            id         INTEGER PRIMARY KEY,
            low_id     INTEGER NOT NULL,
            high_id    INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            other_id   INTEGER NOT NULL,
            evidence   TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            status     TEXT NOT NULL,
            decided_at INTEGER,
            UNIQUE (low_id, high_id)
        );
        CREATE INDEX derived.merge_suggestions_by_status ON merge_suggestions (status, id);
        """,
        """
        -- Consent choices as the log states them; the current choice per purpose is the latest.
        CREATE TABLE derived.consents (
            profile_id  INTEGER NOT NULL,
            purpose     TEXT NOT NULL,
            granted     INTEGER NOT NULL,
            seq         INTEGER NOT NULL,
            observed_at INTEGER NOT NULL
        );
        CREATE INDEX derived.consents_by_profile ON consents (profile_id, purpose);
        """,
        """
        -- Each live profile's computed-trait states (the profile's events folded per day), rebuilt with the rest.
        CREATE TABLE derived.computed_traits (
            profile_id INTEGER NOT NULL,
            name       TEXT NOT NULL,
            state      BLOB NOT NULL,
            PRIMARY KEY (profile_id, name)
        ) WITHOUT ROWID;

        -- Who is in each segment since when, and every entry and exit. Kept across rebuilds (see SqliteSegmentStore).
        CREATE TABLE derived.segment_members (
            segment_id INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            since      INTEGER NOT NULL,
            PRIMARY KEY (segment_id, profile_id)
        ) WITHOUT ROWID;
        CREATE INDEX derived.segment_members_by_profile ON segment_members (profile_id);

        CREATE TABLE derived.segment_history (
            id         INTEGER PRIMARY KEY,
            segment_id INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            entered    INTEGER NOT NULL,
            at         INTEGER NOT NULL
        );
        CREATE INDEX derived.segment_history_by_segment ON segment_history (segment_id, id);
        CREATE INDEX derived.segment_history_by_profile ON segment_history (profile_id, id);
        """,
        """
        -- Identities are found by blind index (a keyed hash of type and value); the value itself may be encrypted. The
        -- blind-index key's fingerprint tells a database derived under another key, which is derived again. What was
        -- derived before this step is dropped: the pipeline derives it again from the log at the next start.
        DROP TABLE derived.identities;
        CREATE TABLE derived.identities (
            type       TEXT NOT NULL,
            lookup     BLOB NOT NULL,
            value      NOT NULL,
            profile_id INTEGER NOT NULL,
            seq        INTEGER NOT NULL,
            PRIMARY KEY (type, lookup, profile_id)
        ) WITHOUT ROWID;
        CREATE INDEX derived.identities_by_profile ON identities (profile_id);
        CREATE TABLE derived.blind_index (id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint BLOB NOT NULL);
        """ + ResetDerivedBeforeLatestTraits,
        """
        -- The definition (fingerprint) each computed trait's stored states were built by: a trait whose definition is
        -- new or changed is rebuilt from the log when the pipeline loads.
        CREATE TABLE derived.computed_fingerprints (
            name        TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        -- Each trait's latest value from each source, kept as the history is written. Survivorship ranks sources first,
        -- then recency, so these rows are all a profile's current traits need however long its history grows (a
        -- signed-in visitor re-sends the same traits on every page). Derived again from the log at the next start.
        CREATE TABLE derived.latest_traits (
            profile_id  INTEGER NOT NULL,
            name        TEXT NOT NULL,
            source_id   INTEGER NOT NULL,
            value       NOT NULL,
            observed_at INTEGER NOT NULL,
            seq         INTEGER NOT NULL,
            PRIMARY KEY (profile_id, name, source_id)
        ) WITHOUT ROWID;
        """ + ResetDerived,
        """
        -- Lineage and trait history rows are found by profile within a range of 65,536 sequence numbers (see
        -- SequenceRanges): a batch's rows then land in the newest range's pages, where by profile alone they landed on
        -- one page per profile the batch touched, anywhere in an index that grows with the log.
        DROP INDEX derived.event_profiles_by_profile;
        CREATE INDEX derived.event_profiles_by_range ON event_profiles (seq >> 16, profile_id);
        DROP INDEX derived.traits_by_profile;
        CREATE INDEX derived.traits_by_range ON traits (seq >> 16, profile_id, name);
        """,
    ];
}
