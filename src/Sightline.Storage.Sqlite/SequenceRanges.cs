namespace Sightline.Storage.Sqlite;

/// <summary>
/// How a query finds a profile's rows in the tables that grow with the log (lineage, trait history). Their index orders
/// rows by range of 65,536 sequence numbers first, then by profile (see the schema), so each write batch lands in the
/// newest range's pages, where by profile alone it landed on one page per profile it touched, anywhere in an index as
/// large as the log. A profile's rows are read range by range, from the range holding the profile's id (the sequence
/// number of the event that created it: none of its rows comes earlier) to the newest. A million events make 16 ranges.
/// </summary>
internal static class SequenceRanges
{
    /// <summary>The ranges as the table <c>ranges(n)</c>, up to the pipeline's checkpoint: opens the query's WITH clause.</summary>
    public const string With = """
        WITH RECURSIVE ranges(n) AS (
            SELECT 0 UNION ALL SELECT n + 1 FROM ranges WHERE n < (SELECT checkpoint FROM derived.pipeline) >> 16)
        """;

    /// <summary>
    /// The condition for the rows of one event (<c>$seq</c>) of one profile (<c>$profile</c>), on the range index. The
    /// unary plus keeps SQLite from putting <c>$seq</c> in place of <c>seq</c> in the range term (constant propagation),
    /// after which the term no longer matches the index and the table is scanned for each event: SQLite 3.40 does that
    /// (Python's, here); the 3.53 that Microsoft.Data.Sqlite bundles does not, and the plus costs it nothing.
    /// </summary>
    public const string OfEvent = "seq >> 16 = $seq >> 16 AND profile_id = $profile AND +seq = $seq";

    /// <summary>The range a sequence number falls in, as the indexes compute it.</summary>
    public static long Of(long sequence) => sequence >> 16;

    /// <summary>
    /// The FROM clause joining profiles <c>p</c> to their rows <paramref name="alias"/> of <paramref name="table"/> (with
    /// <see cref="On"/> in the WHERE clause). CROSS JOIN keeps SQLite to this order: the profiles the WHERE clause picks,
    /// then one index search per range; any other order scans whole ranges.
    /// </summary>
    public static string From(string table, string alias) => $"profiles p CROSS JOIN ranges r CROSS JOIN {table} {alias}";

    /// <summary>The condition that goes with <see cref="From"/>.</summary>
    public static string On(string alias) => $"r.n >= p.id >> 16 AND {alias}.seq >> 16 = r.n AND {alias}.profile_id = p.id";
}
