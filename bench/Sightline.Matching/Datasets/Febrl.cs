using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Datasets;

/// <summary>
/// FEBRL data (Christen's dsgen): rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode,
/// state, date_of_birth, soc_sec_id. The entity is N in rec-N-org / rec-N-dup-k.
/// </summary>
internal static class Febrl
{
    public static LabeledDataset Dedupe(string name, string path, bool hasHeaders, long documentedPairs, double? publishedF1)
    {
        var records = new List<PersonRecord>();
        var truth = new List<int>();
        Read(path, hasHeaders, new EntityLabels(), records, truth);
        return new LabeledDataset
        {
            Name = name,
            Source = $"{Relative(path)} (dedupe)",
            Records = records,
            Truth = [.. truth],
            DocumentedTruePairs = documentedPairs,
            PublishedF1 = publishedF1,
        };
    }

    /// <summary>Two files of one population: the labels are shared, so rec-N-org in A and rec-N-dup-0 in B are one person.</summary>
    public static LabeledDataset Linkage(string name, string pathA, string pathB, long documentedPairs, double? publishedF1)
    {
        var labels = new EntityLabels();
        var records = new List<PersonRecord>();
        var truth = new List<int>();
        Read(pathA, hasHeaders: true, labels, records, truth);
        var inA = records.Count;
        Read(pathB, hasHeaders: true, labels, records, truth);
        return new LabeledDataset
        {
            Name = name,
            Source = $"{Relative(pathA)} + {Path.GetFileName(pathB)} (linkage: only A–B pairs count)",
            Records = records,
            Truth = [.. truth],
            Origins = [.. Enumerable.Range(0, records.Count).Select(i => i < inA ? 0 : 1)],
            DocumentedTruePairs = documentedPairs,
            PublishedF1 = publishedF1,
        };
    }

    private static void Read(string path, bool hasHeaders, EntityLabels labels, List<PersonRecord> records, List<int> truth)
    {
        using var row = CsvRows.Open(path, hasHeaders);
        while (row.Read())
        {
            var id = CsvRows.Required(row, 0, path);
            records.Add(new PersonRecord
            {
                Id = id,
                GivenName = CsvRows.Field(row, 1),
                Surname = CsvRows.Field(row, 2),
                Street = Join(CsvRows.Field(row, 3), CsvRows.Field(row, 4)),
                City = CsvRows.Field(row, 6),
                Postcode = CsvRows.Field(row, 7),
                BirthDate = CsvRows.Field(row, 9),
                DocumentId = CsvRows.Field(row, 10),
            });
            truth.Add(labels.Of(Entity(id, path)));
        }
    }

    private static string Entity(string recordId, string path) =>
        recordId.Split('-') switch
        {
            ["rec", var number, "org"] => number,
            ["rec", var number, "dup", _] => number,
            _ => throw new InvalidDataException($"{Path.GetFileName(path)}: rec_id \"{recordId}\" is not rec-N-org or rec-N-dup-k"),
        };

    // address_2 (a property or estate name) is left out: PersonRecord has one street line.
    private static string? Join(string? number, string? street) =>
        (number, street) switch
        {
            (null, null) => null,
            (null, _) => street,
            (_, null) => number,
            _ => $"{number} {street}",
        };

    private static string Relative(string path) => Path.Combine(Path.GetFileName(Path.GetDirectoryName(path)!), Path.GetFileName(path));
}
