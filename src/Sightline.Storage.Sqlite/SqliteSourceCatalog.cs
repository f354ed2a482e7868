using Microsoft.Data.Sqlite;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Storage.Sqlite;

/// <summary>Sources in SQLite.</summary>
public sealed class SqliteSourceCatalog(SqliteDatabase database, TimeProvider time) : ISourceCatalog
{
    private const string Columns = "id, name, kind, trust, write_key, created_at, phone_region, identifier_traits";

    public async Task<SourceAdded> AddAsync(NewSource source, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO sources (name, kind, trust, write_key, created_at, phone_region, identifier_traits)
            VALUES ($name, $kind, $trust, $key, $created, $region, $traits)
            ON CONFLICT DO NOTHING RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$name", source.Name);
        command.Parameters.AddWithValue("$kind", NewSource.KindName(source.Kind));
        command.Parameters.AddWithValue("$trust", source.Trust);
        command.Parameters.AddWithValue("$key", source.WriteKey);
        command.Parameters.AddWithValue("$created", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$region", (object?)source.PhoneRegion ?? DBNull.Value);
        command.Parameters.AddWithValue("$traits", string.Join(',', source.IdentifierTraits));
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new SourceAdded(Read(reader), null);
            }
        }

        var byName = (await ListAsync(cancellationToken)).Any(s => s.Name == source.Name);
        return new SourceAdded(null, byName ? "name" : "writeKey");
    }

    public async Task<IReadOnlyList<Source>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM sources ORDER BY name", null, cancellationToken);

    public async Task<Source?> FindByWriteKeyAsync(string writeKey, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM sources WHERE write_key = $key", writeKey, cancellationToken)).SingleOrDefault();

    private async Task<List<Source>> QueryAsync(string sql, string? key, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (key is not null)
        {
            command.Parameters.AddWithValue("$key", key);
        }

        var sources = new List<Source>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(Read(reader));
        }

        return sources;
    }

    private static Source Read(SqliteDataReader reader)
    {
        return new Source
        {
            Id = reader.GetInt64(0),
            Name = reader.GetString(1),
            Kind = NewSource.ParseKind(reader.GetString(2)),
            Trust = reader.GetInt32(3),
            WriteKey = reader.GetString(4),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            PhoneRegion = reader.IsDBNull(6) ? null : reader.GetString(6),
            IdentifierTraits = reader.GetString(7).Split(',', StringSplitOptions.RemoveEmptyEntries),
        };
    }
}
