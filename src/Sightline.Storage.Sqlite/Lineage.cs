namespace Sightline.Storage.Sqlite;

/// <summary>
/// How a query finds a profile's events. The lineage index orders its rows by range of 65,536 sequence numbers first,
/// then by profile (see the schema), so each write batch lands in the newest range; a profile's rows are read range by
/// range, from the range holding the profile's id (the sequence number of the event that created it: none of its
/// events comes earlier) to the newest. A million events make 16 ranges.
/// </summary>
internal static class Lineage
{
    /// <summary>The number of the range a sequence number falls in, as the lineage index computes it.</summary>
    public static long Range(long sequence) => sequence >> 16;

    /// <summary>The log's ranges as the table <c>lineage_ranges(n)</c>: opens the query's WITH clause.</summary>
    public const string Ranges = """
        WITH RECURSIVE lineage_ranges(n) AS (
            SELECT 0 UNION ALL SELECT n + 1 FROM lineage_ranges WHERE n < (SELECT coalesce(max(seq), 0) FROM derived.event_profiles) >> 16)
        """;

    /// <summary>
    /// The FROM clause joining profiles <c>p</c> to their lineage rows <c>ep</c> (with <see cref="On"/> in the WHERE
    /// clause). CROSS JOIN keeps SQLite to this order: the profiles the WHERE clause picks, then one index search per
    /// range; any other order scans whole ranges.
    /// </summary>
    public const string From = "profiles p CROSS JOIN lineage_ranges r CROSS JOIN event_profiles ep";

    /// <summary>The condition that goes with <see cref="From"/>.</summary>
    public const string On = "r.n >= p.id >> 16 AND ep.seq >> 16 = r.n AND ep.profile_id = p.id";
}
