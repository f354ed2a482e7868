using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Datasets;

/// <summary>Splink's synthetic people (fake_1000, fake_20000): unique_id, first_name, surname, dob, city, email, cluster.</summary>
internal static class SplinkFake
{
    public static LabeledDataset Load(string name, string path, long documentedPairs, double? publishedF1)
    {
        var labels = new EntityLabels();
        var records = new List<PersonRecord>();
        var truth = new List<int>();
        using var row = CsvRows.Open(path, hasHeaders: true);
        int id = CsvRows.Column(row, "unique_id", path), first = CsvRows.Column(row, "first_name", path),
            surname = CsvRows.Column(row, "surname", path), dob = CsvRows.Column(row, "dob", path),
            city = CsvRows.Column(row, "city", path), email = CsvRows.Column(row, "email", path),
            cluster = CsvRows.Column(row, "cluster", path);
        while (row.Read())
        {
            records.Add(new PersonRecord
            {
                Id = CsvRows.Required(row, id, path),
                GivenName = CsvRows.Field(row, first),
                Surname = CsvRows.Field(row, surname),
                BirthDate = CsvRows.Field(row, dob),
                City = CsvRows.Field(row, city),
                Email = CsvRows.Field(row, email),
            });
            truth.Add(labels.Of(CsvRows.Required(row, cluster, path)));
        }

        return new LabeledDataset
        {
            Name = name,
            Source = $"{Path.GetFileName(path)} (dedupe)",
            Records = records,
            Truth = [.. truth],
            DocumentedTruePairs = documentedPairs,
            PublishedF1 = publishedF1,
        };
    }
}
