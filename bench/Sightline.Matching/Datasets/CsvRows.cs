using Sylvan.Data.Csv;

namespace Sightline.Matching.Datasets;

/// <summary>Reads the CSV files of the benchmark data: quoted fields, leading spaces (FEBRL), ragged rows (NCVR ocp_0).</summary>
internal static class CsvRows
{
    /// <summary>Opens <paramref name="path"/>; with <paramref name="hasHeaders"/> false the first line is data.</summary>
    public static CsvDataReader Open(string path, bool hasHeaders)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"missing data file {path}", path);
        }

        // The delimiter is fixed: Sylvan would otherwise guess it from the header line.
        return CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = hasHeaders, Delimiter = ',' });
    }

    /// <summary>The trimmed field at <paramref name="ordinal"/>, or null when it is empty or the row is shorter.</summary>
    public static string? Field(CsvDataReader row, int ordinal)
    {
        if (ordinal >= row.RowFieldCount)
        {
            return null;
        }

        var value = row.GetString(ordinal).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>As <see cref="Field"/>, for a field the loader cannot do without.</summary>
    public static string Required(CsvDataReader row, int ordinal, string path) =>
        Field(row, ordinal) ?? throw new InvalidDataException($"{Path.GetFileName(path)} row {row.RowNumber}: field {ordinal} is empty");

    /// <summary>The ordinal of a header column, failing with the file name when the column is missing.</summary>
    public static int Column(CsvDataReader reader, string name, string path)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i).Trim(), name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidDataException($"{Path.GetFileName(path)} has no column \"{name}\"");
    }
}
