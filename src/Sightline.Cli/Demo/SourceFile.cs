using System.Text;

namespace Sightline.Cli.Demo;

/// <summary>
/// One export file being written: rows are collected with their moment, then written oldest first (as exports
/// are), each numbered in that order, and each row's ground truth goes to truth.csv as it is written.
/// </summary>
internal sealed class SourceFile(string source, string preset, string fileName, char delimiter, string[] header)
{
    private readonly List<Row> _rows = [];

    public string Source => source;

    public string Preset => preset;

    public string FileName => fileName;

    /// <summary>
    /// Adds a row of <paramref name="person"/> that happened <paramref name="at"/> (rows are written in this order),
    /// with its traps (';'-separated, as truth.csv marks them); <paramref name="build"/> turns the row's number in
    /// the file (0-based) into its record id, as the import will name it, and its fields.
    /// </summary>
    public void Add(DateTime at, Person person, string notes, Func<int, (string RecordId, string?[] Fields)> build) =>
        _rows.Add(new Row(at, person, notes, build));

    /// <summary>Writes the file into <paramref name="directory"/> and its rows into <paramref name="truth"/>; returns the number of rows.</summary>
    public int Write(string directory, Truth truth)
    {
        using var writer = new StreamWriter(Path.Combine(directory, fileName), false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(delimiter, header));
        var ordered = _rows.Select((row, i) => (row, i)).OrderBy(r => r.row.At).ThenBy(r => r.i).Select(r => r.row).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var row = ordered[n];
            var (recordId, fields) = row.Build(n);
            writer.WriteLine(string.Join(delimiter, fields.Select(Quote)));
            truth.Add(source, recordId, row.Person, row.Notes);
        }

        return ordered.Count;
    }

    private string Quote(string? field)
    {
        if (field is null)
        {
            return "";
        }

        return field.Contains(delimiter, StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }

    private sealed record Row(DateTime At, Person Person, string Notes, Func<int, (string RecordId, string?[] Fields)> Build);
}
