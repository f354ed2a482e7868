using System.Text;

namespace Sightline.Cli.Demo;

/// <summary>
/// truth.csv: for every record written, which person it really belongs to, and the traps it holds. A record's traps
/// include its person's (household:H0001, namesake:N0001, store-only), so a scorer needs no other file.
/// </summary>
internal sealed class Truth : IDisposable
{
    public const string FileName = "truth.csv";

    private readonly StreamWriter _writer;

    public Truth(string directory)
    {
        _writer = new StreamWriter(Path.Combine(directory, FileName), false, new UTF8Encoding(false)) { NewLine = "\n" };
        _writer.WriteLine("source,record_id,person_id,traps");
    }

    public int Records { get; private set; }

    public void Add(string source, string recordId, Person person, string notes)
    {
        var traps = new List<string>();
        if (person.Household is { } household)
        {
            traps.Add("household:" + household);
        }

        if (person.Namesake is { } namesake)
        {
            traps.Add("namesake:" + namesake);
        }

        if (person.StoreOnly)
        {
            traps.Add("store-only");
        }

        if (notes.Length > 0)
        {
            traps.Add(notes);
        }

        _writer.WriteLine($"{source},{Quote(recordId)},{person.Id},{string.Join(';', traps)}");
        Records++;
    }

    public void Dispose() => _writer.Dispose();

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
