namespace Sightline.Storage.Sqlite;

/// <summary>The dashboard users table, appended to <see cref="Schema.Migrations"/>: people, not derived from the log.</summary>
internal static class DashboardUsersSchema
{
    public const string Migration = """
        CREATE TABLE dashboard_users (
            id            INTEGER PRIMARY KEY,
            name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role          TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            stamp         TEXT NOT NULL,
            failures      INTEGER NOT NULL DEFAULT 0,
            locked_until  INTEGER,
            created_at    INTEGER NOT NULL
        );
        """;
}
