using System.Globalization;
using Microsoft.Data.Sqlite;
using Sightline.Core.Audiences;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// Writes membership changes (the member rows and a history row each) inside whatever transaction the connection has
/// open, keeping their order.
/// </summary>
/// <remarks>
/// A first full evaluation writes millions, and each row's statement costs a run of the VDBE program with its cursors
/// opened afresh, beside the index work itself. So changes go <see cref="Block"/> rows per statement: history in order
/// of the changes, members by runs of entries or exits (within a run the order does not change the outcome: an entry
/// is ignored if present, an exit deletes if present). For 3.7 million entries this took 17-19 s of processor time where
/// a statement per row took 23-26 s (bench/results/segments.md).
/// </remarks>
internal sealed class MembershipWriter(SqliteConnection connection) : IDisposable
{
    private const int Block = 1_000;

    private RawStatement? _enter;
    private RawStatement? _leave;
    private RawStatement? _history;
    private RawStatement? _enterBlock;
    private RawStatement? _leaveBlock;
    private RawStatement? _historyBlock;

    public void Write(ReadOnlySpan<MembershipChange> changes)
    {
        var written = 0;
        for (; written + Block <= changes.Length; written += Block)
        {
            _historyBlock ??= Prepare("INSERT INTO segment_history (segment_id, profile_id, entered, at) VALUES ", "(?{0}, ?{1}, ?{2}, ?{3})", 4);
            for (var row = 0; row < Block; row++)
            {
                History(_historyBlock, row * 4, changes[written + row]);
            }

            _historyBlock.Step();
        }

        foreach (var change in changes[written..])
        {
            _history ??= new RawStatement(connection, "INSERT INTO segment_history (segment_id, profile_id, entered, at) VALUES (?1, ?2, ?3, ?4)");
            History(_history, 0, change);
            _history.Step();
        }

        for (var start = 0; start < changes.Length;)
        {
            var end = start + 1;
            while (end < changes.Length && changes[end].Entered == changes[start].Entered)
            {
                end++;
            }

            Members(changes[start..end], changes[start].Entered);
            start = end;
        }
    }

    public void Dispose()
    {
        _enter?.Dispose();
        _leave?.Dispose();
        _history?.Dispose();
        _enterBlock?.Dispose();
        _leaveBlock?.Dispose();
        _historyBlock?.Dispose();
    }

    private static void History(RawStatement statement, int offset, MembershipChange change) =>
        statement.Bind(offset + 1, change.Segment).Bind(offset + 2, change.Profile.Value).Bind(offset + 3, change.Entered ? 1 : 0).Bind(offset + 4, change.At.ToUnixTimeMilliseconds());

    /// <summary>A run of entries only, or of exits only.</summary>
    private void Members(ReadOnlySpan<MembershipChange> run, bool entered)
    {
        var columns = entered ? 3 : 2;
        var written = 0;
        for (; written + Block <= run.Length; written += Block)
        {
            var block = entered
                ? _enterBlock ??= Prepare("INSERT OR IGNORE INTO segment_members (segment_id, profile_id, since) VALUES ", "(?{0}, ?{1}, ?{2})", 3)
                : _leaveBlock ??= Prepare("DELETE FROM segment_members WHERE (segment_id, profile_id) IN (VALUES ", "(?{0}, ?{1})", 2, ")");
            for (var row = 0; row < Block; row++)
            {
                Member(block, row * columns, run[written + row], entered);
            }

            block.Step();
        }

        foreach (var change in run[written..])
        {
            var single = entered
                ? _enter ??= new RawStatement(connection, "INSERT OR IGNORE INTO segment_members (segment_id, profile_id, since) VALUES (?1, ?2, ?3)")
                : _leave ??= new RawStatement(connection, "DELETE FROM segment_members WHERE segment_id = ?1 AND profile_id = ?2");
            Member(single, 0, change, entered);
            single.Step();
        }
    }

    private static void Member(RawStatement statement, int offset, MembershipChange change, bool entered)
    {
        statement.Bind(offset + 1, change.Segment).Bind(offset + 2, change.Profile.Value);
        if (entered)
        {
            statement.Bind(offset + 3, change.At.ToUnixTimeMilliseconds());
        }
    }

    /// <summary><paramref name="head"/>, then <see cref="Block"/> rows of <paramref name="row"/> numbered on, then <paramref name="tail"/>.</summary>
    private RawStatement Prepare(string head, string row, int columns, string tail = "") =>
        new(connection, head + string.Join(", ", Enumerable.Range(0, Block).Select(r => string.Format(
            CultureInfo.InvariantCulture, row, [.. Enumerable.Range(r * columns + 1, columns).Cast<object>()]))) + tail);
}
