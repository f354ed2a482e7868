using System.Text;

namespace Sightline.Storage.Sqlite;

/// <summary>A column holding personal values: its table, the columns that find one row, and the column itself.</summary>
internal sealed record ProtectedColumn(string Table, IReadOnlyList<string> Key, string Column)
{
    /// <summary>The associated data its values are sealed with: the column's name, <c>table.column</c>.</summary>
    public byte[] AssociatedData { get; } = Encoding.UTF8.GetBytes($"{Table}.{Column}");
}
