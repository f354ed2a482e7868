using Microsoft.Data.Sqlite;
using Sightline.Core.Audiences;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// Writes membership changes (the member rows and a history row each) inside whatever transaction the connection has
/// open, keeping their order.
/// </summary>
/// <remarks>
/// A first full evaluation writes millions, so rows go a block per statement (<see cref="BlockStatement"/>): history
/// in order of the changes, members by runs of entries or exits (within a run the order does not change the outcome:
/// an entry is ignored if present, an exit deletes if present). For 3.7 million entries this took 17-19 s of processor
/// time where a statement per row took 23-26 s (bench/results/segments.md).
/// </remarks>
internal sealed class MembershipWriter(SqliteConnection connection) : IDisposable
{
    private readonly BlockStatement _history = new(connection, "INSERT INTO segment_history (segment_id, profile_id, entered, at) VALUES", 4);
    private readonly BlockStatement _enter = new(connection, "INSERT OR IGNORE INTO segment_members (segment_id, profile_id, since) VALUES", 3);
    private readonly BlockStatement _leave = new(
        connection, "DELETE FROM segment_members WHERE (segment_id, profile_id) IN (VALUES", 2, ")",
        single: "DELETE FROM segment_members WHERE segment_id = ?1 AND profile_id = ?2");

    public void Write(ReadOnlySpan<MembershipChange> changes)
    {
        _history.Write(changes, static (statement, at, change) =>
            statement.Bind(at, change.Segment).Bind(at + 1, change.Profile.Value).Bind(at + 2, change.Entered ? 1 : 0).Bind(at + 3, change.At.ToUnixTimeMilliseconds()));
        for (var start = 0; start < changes.Length;)
        {
            var end = start + 1;
            while (end < changes.Length && changes[end].Entered == changes[start].Entered)
            {
                end++;
            }

            if (changes[start].Entered)
            {
                _enter.Write(changes[start..end], static (statement, at, change) =>
                    statement.Bind(at, change.Segment).Bind(at + 1, change.Profile.Value).Bind(at + 2, change.At.ToUnixTimeMilliseconds()));
            }
            else
            {
                _leave.Write(changes[start..end], static (statement, at, change) => statement.Bind(at, change.Segment).Bind(at + 1, change.Profile.Value));
            }

            start = end;
        }
    }

    public void Dispose()
    {
        _history.Dispose();
        _enter.Dispose();
        _leave.Dispose();
    }
}
