using System.Text;

namespace Sightline.Storage.Sqlite;

/// <summary>A column holding personal values.</summary>
/// <param name="Table">Its table, schema-qualified when derived.</param>
/// <param name="Key">The columns that find one row, in index order.</param>
/// <param name="Column">The column itself.</param>
/// <param name="RawInput">Holds input as received, which may look sealed by chance (see <see cref="ProtectedColumns.OpenQuarantined"/>).</param>
/// <param name="CopyOf">The column whose values this one holds copies of, sealed alike so a copy is the same bytes.</param>
internal sealed record ProtectedColumn(string Table, IReadOnlyList<string> Key, string Column, bool RawInput = false, ProtectedColumn? CopyOf = null)
{
    /// <summary>The associated data its values are sealed with: the column's name, <c>table.column</c> (the original's, for a copy).</summary>
    public byte[] AssociatedData { get; } = CopyOf?.AssociatedData ?? Encoding.UTF8.GetBytes($"{Table}.{Column}");
}
