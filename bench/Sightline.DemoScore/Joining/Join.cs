using System.Text.Json;
using Sylvan.Data.Csv;

namespace Sightline.DemoScore.Joining;

/// <summary>
/// truth.csv joined with <c>sightline export lineage</c> on (source, record id). Quarantined rows are left out: they
/// never reached the log, which the import summary already accounts for.
/// </summary>
internal sealed record Join(IReadOnlyList<ScoredRecord> Records, int Quarantined, IReadOnlyList<(string Source, string RecordId)> Missing)
{
    public static Join Read(string truthFile, string lineageFile)
    {
        var profiles = new Dictionary<(string, string), string>();
        foreach (var line in File.ReadLines(lineageFile))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            // A record imported again in a new version appears once per version; the profile is the same.
            profiles[(root.GetProperty("source").GetString()!, root.GetProperty("record_id").GetString()!)] = root.GetProperty("profile_id").GetString()!;
        }

        var records = new List<ScoredRecord>();
        var missing = new List<(string, string)>();
        var quarantined = 0;
        using var csv = CsvDataReader.Create(truthFile);
        while (csv.Read())
        {
            var (source, recordId, person) = (csv.GetString(0), csv.GetString(1), csv.GetString(2));
            var traps = csv.GetString(3).Split(';', StringSplitOptions.RemoveEmptyEntries);
            if (traps.Contains("quarantine"))
            {
                quarantined++;
            }
            else if (profiles.TryGetValue((source, recordId), out var profile))
            {
                records.Add(new ScoredRecord(source, recordId, person, profile, traps));
            }
            else
            {
                missing.Add((source, recordId));
            }
        }

        return new Join(records, quarantined, missing);
    }
}
