using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// A statement over many rows, <c>head (?1, ?2, …), (…), … tail</c>, run <see cref="Block"/> rows at a time and then
/// one row at a time for the rest, in the rows' order. Each form is prepared on first use, in whatever transaction
/// the connection has open.
/// </summary>
/// <remarks>
/// What a block saves is each statement's own setup: its VDBE program started and cursors opened, and, for a statement
/// that may both change several rows and fail midway (an INSERT OR REPLACE may delete), a statement journal opened to
/// undo just it. What a block may cost: it changes several rows itself, so if it may fail midway (a plain INSERT into
/// NOT NULL columns may; an upsert's DO UPDATE always may) it copies every page it touches into a statement journal,
/// a temporary file past 64 KB. Lineage's INSERT OR REPLACE paid a journal per row anyway, and took about a third less
/// processor time in blocks; trait history's INSERT and the latest values' upsert did not, and blocks cost them more
/// than they saved (bench/results/pipeline.md).
/// </remarks>
/// <param name="connection">The connection it runs on.</param>
/// <param name="head">What comes before the rows, as <c>INSERT INTO t (a, b) VALUES</c>.</param>
/// <param name="columns">Parameters per row.</param>
/// <param name="tail">What comes after the rows, as the <c>)</c> closing a <c>… IN (VALUES</c> head.</param>
/// <param name="single">The statement for one row, when it is better written otherwise than a block of one.</param>
internal sealed class BlockStatement(SqliteConnection connection, string head, int columns, string tail = "", string? single = null) : IDisposable
{
    public const int Block = 1_000;

    // A block's text runs to tens of kilobytes: built once per process, not at every prepare.
    private static readonly ConcurrentDictionary<(string Head, int Columns, string Tail), byte[]> BlockSql = new();

    private RawStatement? _block;
    private RawStatement? _single;

    /// <summary>
    /// Writes <paramref name="rows"/> in order: <paramref name="bind"/> binds one row's columns from the parameter it
    /// is given on.
    /// </summary>
    public void Write<T>(ReadOnlySpan<T> rows, Action<RawStatement, int, T> bind)
    {
        var written = 0;
        for (; written + Block <= rows.Length; written += Block)
        {
            _block ??= new RawStatement(connection, BlockSql.GetOrAdd((head, columns, tail), static key => Encoding.UTF8.GetBytes(Sql(key.Head, key.Columns, key.Tail, Block))));
            for (var row = 0; row < Block; row++)
            {
                bind(_block, (row * columns) + 1, rows[written + row]);
            }

            _block.Step();
        }

        foreach (var row in rows[written..])
        {
            _single ??= new RawStatement(connection, single ?? Sql(head, columns, tail, 1));
            bind(_single, 1, row);
            _single.Step();
        }
    }

    public void Dispose()
    {
        _block?.Dispose();
        _single?.Dispose();
    }

    private static string Sql(string head, int columns, string tail, int rows)
    {
        var sql = new StringBuilder(head).Append(' ');
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 1; column <= columns; column++)
            {
                sql.Append(column == 1 ? "?" : ", ?").Append(((row * columns) + column).ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        return sql.Append(' ').Append(tail).ToString();
    }
}
