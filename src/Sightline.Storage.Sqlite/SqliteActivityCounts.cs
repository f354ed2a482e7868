using Microsoft.Data.Sqlite;
using Sightline.Core.Identity;
using Sightline.Core.Storage;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// The dashboard's counts: traffic from the counters the log writer keeps (<c>traffic</c>, a few rows per source and
/// hour), profiles and merges from the derived state's indexes. Figures on 1,000,000 profiles: docs/dashboard.md.
/// </summary>
public sealed class SqliteActivityCounts(SqliteDatabase database) : IActivityCounts
{
    private const long Hour = 3_600_000;

    public async Task<IReadOnlyList<HourlyTraffic>> TrafficAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await ReadAsync(
            """
            SELECT t.hour, coalesce(s.name, ''), t.type, t.events, t.rejected
            FROM traffic t LEFT JOIN sources s ON s.id = t.source_id
            WHERE t.hour >= $since
            """,
            r => new HourlyTraffic(DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0) * Hour), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)),
            cancellationToken,
            ("$since", since.ToUnixTimeMilliseconds() / Hour));

    public async Task<IReadOnlyList<SourceTotals>> SourceTotalsAsync(CancellationToken cancellationToken) =>
        await ReadAsync(
            """
            SELECT s.name, max(t.last_at), coalesce(sum(t.rejected), 0)
            FROM sources s LEFT JOIN traffic t ON t.source_id = s.id
            GROUP BY s.id ORDER BY s.name
            """,
            r => new SourceTotals(r.GetString(0), r.IsDBNull(1) || r.GetInt64(1) == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetInt64(2)),
            cancellationToken);

    public async Task<ProfileCounts> ProfilesAsync(CancellationToken cancellationToken)
    {
        // Merged-away profiles' identities move to the live profile, so every identity row belongs to a live profile;
        // identities_by_profile holds (profile_id, type), so the distinct count reads that index in order, without a sort.
        var counts = await ReadAsync(
            """
            SELECT
                (SELECT count(*) FROM derived.profiles WHERE id = canonical_id),
                (SELECT count(*) FROM (SELECT DISTINCT profile_id FROM derived.identities INDEXED BY identities_by_profile WHERE type <> $anonymous)),
                (SELECT count(*) FROM derived.merges WHERE blocked = 0),
                (SELECT count(*) FROM derived.merges WHERE blocked = 1)
            """,
            r => new ProfileCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)),
            cancellationToken,
            ("$anonymous", IdentifierTypes.AnonymousId));
        return counts[0];
    }

    public async Task<LogHead> HeadAsync(long processed, CancellationToken cancellationToken)
    {
        var head = await ReadAsync(
            """
            SELECT (SELECT coalesce(max(seq), 0) FROM events), (SELECT received_at FROM events WHERE seq > $processed ORDER BY seq LIMIT 1)
            """,
            r => new LogHead(r.GetInt64(0), r.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1))),
            cancellationToken,
            ("$processed", processed));
        return head[0];
    }

    private Task<List<T>> ReadAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.QueryAsync(sql, read, cancellationToken, parameters);
}
