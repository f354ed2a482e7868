using System.Globalization;
using Sightline.Core.Identity.Matching;
using Sylvan.Data.Csv;

namespace Sightline.Matching.Datasets;

/// <summary>
/// Senzing's demo truth set: customers, reference and watch-list records built to be hard (nicknames, name order,
/// US and European dates, shared addresses, organisations among people). Every pair inside a truth cluster counts,
/// across sources and within them, as in SOURCES.md's 108 pairs.
/// </summary>
internal static class SenzingTruthSet
{
    private static readonly string[] Sources = ["customers", "reference", "watchlist"];

    // Month first, as the files are US data; a day above 12 falls through to day first ("20/8/1991").
    private static readonly string[] DateFormats = ["M/d/yy", "M/d/yyyy", "d/M/yyyy", "d-MMM-yy", "yyyy-MM-dd", "MMM d yyyy"];

    private static readonly CultureInfo Dates = TwoDigitYearsUpTo(2025);

    public static LabeledDataset Load(string name, string directory)
    {
        var truthPath = Path.Combine(directory, "actual_truthset_key.csv");
        var clusters = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var row = CsvRows.Open(truthPath, hasHeaders: true))
        {
            int cluster = CsvRows.Column(row, "CLUSTER_ID", truthPath), source = CsvRows.Column(row, "DATA_SOURCE", truthPath),
                record = CsvRows.Column(row, "RECORD_ID", truthPath);
            while (row.Read())
            {
                clusters.Add($"{CsvRows.Required(row, source, truthPath)}:{CsvRows.Required(row, record, truthPath)}", CsvRows.Required(row, cluster, truthPath));
            }
        }

        var labels = new EntityLabels();
        var records = new List<PersonRecord>();
        var truth = new List<int>();
        foreach (var file in Sources)
        {
            var path = Path.Combine(directory, $"{file}.csv");
            using var row = CsvRows.Open(path, hasHeaders: true);
            while (row.Read())
            {
                var id = $"{Get(row, "DATA_SOURCE")}:{Get(row, "RECORD_ID")}";
                records.Add(Record(row, id));
                truth.Add(labels.Of(clusters.TryGetValue(id, out var cluster)
                    ? cluster
                    : throw new InvalidDataException($"{Path.GetFileName(path)}: record {id} is not in actual_truthset_key.csv")));
            }
        }

        return new LabeledDataset
        {
            Name = name,
            Source = "senzing-truthset customers + reference + watchlist (dedupe over all three; organisation names as Surname)",
            Records = records,
            Truth = [.. truth],
            DocumentedTruePairs = 108,
        };
    }

    private static PersonRecord Record(CsvDataReader row, string id)
    {
        var (given, surname) = (Get(row, "PRIMARY_NAME_FIRST"), Get(row, "PRIMARY_NAME_LAST"));
        if (given is null && surname is null && Get(row, "PRIMARY_NAME_FULL") is { } full)
        {
            // "Jones, Kaylee" is surname first; "Keeley Jones" is given names first.
            (given, surname) = full.Split(',', 2) is [var last, var first]
                ? (first.Trim(), last.Trim())
                : (full[..Math.Max(0, full.LastIndexOf(' '))].Trim() is { Length: > 0 } front ? front : null, full[(full.LastIndexOf(' ') + 1)..]);
        }

        return new PersonRecord
        {
            Id = id,
            GivenName = given,
            Surname = surname ?? Get(row, "PRIMARY_NAME_ORG"),
            BirthDate = Date(Get(row, "DATE_OF_BIRTH")),
            Street = Get(row, "ADDR_LINE1") ?? Get(row, "ADDR_FULL"),
            City = Get(row, "ADDR_CITY"),
            Postcode = Get(row, "ADDR_POSTAL_CODE"),
            Email = Get(row, "EMAIL_ADDRESS"),
            Phone = Get(row, "PHONE_NUMBER"),
            DocumentId = Get(row, "SSN_NUMBER") ?? Get(row, "NATIONAL_ID_NUMBER") ?? Get(row, "PASSPORT_NUMBER") ?? Get(row, "DRIVERS_LICENSE_NUMBER"),
        };
    }

    /// <summary>The field by header name; the three files have different columns, and a missing one is null.</summary>
    private static string? Get(CsvDataReader row, string column)
    {
        for (var i = 0; i < row.FieldCount; i++)
        {
            if (string.Equals(row.GetName(i), column, StringComparison.Ordinal))
            {
                return CsvRows.Field(row, i);
            }
        }

        return null;
    }

    // PersonRecord compares the eight digits of yyyy-MM-dd; an unreadable date is passed on as written.
    private static string? Date(string? text) =>
        text is not null && DateTime.TryParseExact(text, DateFormats, Dates, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text;

    private static CultureInfo TwoDigitYearsUpTo(int year)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = year;
        return culture;
    }
}
