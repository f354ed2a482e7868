using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Datasets;

/// <summary>
/// Splink's historical_figures_with_errors_50k: Wikidata people with injected errors. full_name, occupation and gender
/// have no place in PersonRecord and are left out.
/// </summary>
internal static class HistoricalFigures
{
    public static LabeledDataset Load(string name, string path)
    {
        var labels = new EntityLabels();
        var records = new List<PersonRecord>();
        var truth = new List<int>();
        using var row = CsvRows.Open(path, hasHeaders: true);
        int id = CsvRows.Column(row, "unique_id", path), cluster = CsvRows.Column(row, "cluster", path),
            first = CsvRows.Column(row, "first_name", path), surname = CsvRows.Column(row, "surname", path),
            dob = CsvRows.Column(row, "dob", path), birthPlace = CsvRows.Column(row, "birth_place", path),
            postcode = CsvRows.Column(row, "postcode_fake", path);
        while (row.Read())
        {
            records.Add(new PersonRecord
            {
                Id = CsvRows.Required(row, id, path),
                GivenName = CsvRows.Field(row, first),
                Surname = CsvRows.Field(row, surname),
                BirthDate = CsvRows.Field(row, dob),
                City = CsvRows.Field(row, birthPlace),
                Postcode = CsvRows.Field(row, postcode),
            });
            truth.Add(labels.Of(CsvRows.Required(row, cluster, path)));
        }

        return new LabeledDataset
        {
            Name = name,
            Source = $"{Path.GetFileName(path)} (dedupe; birth_place as City)",
            Records = records,
            Truth = [.. truth],
        };
    }
}
