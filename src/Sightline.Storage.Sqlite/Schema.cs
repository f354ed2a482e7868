namespace Sightline.Storage.Sqlite;

/// <summary>Schema migrations, applied in order; a database records how many it has in <c>user_version</c>.</summary>
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
    ];
}
