using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Datasets;

/// <summary>
/// The Leipzig multi-source NC voter benchmark, 5 parties of 5,000 records: recid, givenname, surname, suburb, postcode.
/// The recid is the voter id and the truth; only pairs across parties count.
/// </summary>
internal static class NcVoters
{
    public const int Parties = 5;

    /// <summary>Loads the five parties of one corruption level (ocp in the file names: 0, 20 or 40 percent of records corrupted).</summary>
    public static LabeledDataset Load(string name, string directory, int corruptedPercent)
    {
        var labels = new EntityLabels();
        var records = new List<PersonRecord>();
        var truth = new List<int>();
        var origins = new List<int>();
        for (var party = 0; party < Parties; party++)
        {
            var path = Path.Combine(directory, $"ncvr_numrec_5000_modrec_2_ocp_{corruptedPercent}_myp_{party}_nump_5.csv");

            // The ocp_0 files carry a 19-column header from the full register above 5-column rows, so every file
            // is read by position and its header line skipped as data.
            using var row = CsvRows.Open(path, hasHeaders: false);
            var header = true;
            while (row.Read())
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                var voter = CsvRows.Required(row, 0, path);
                records.Add(new PersonRecord
                {
                    Id = $"{party}:{voter}",
                    GivenName = CsvRows.Field(row, 1),
                    Surname = CsvRows.Field(row, 2),
                    City = CsvRows.Field(row, 3),
                    Postcode = CsvRows.Field(row, 4),
                });
                truth.Add(labels.Of(voter));
                origins.Add(party);
            }
        }

        return new LabeledDataset
        {
            Name = name,
            Source = $"ncvr-5party-5000 ocp_{corruptedPercent}, {Parties} files (linkage: only cross-file pairs count)",
            Records = records,
            Truth = [.. truth],
            Origins = [.. origins],
            DocumentedTruePairs = 15_000,
        };
    }
}
