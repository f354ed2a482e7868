namespace Sightline.Matching.Datasets;

/// <summary>The data sets under shared/data/er by the names <c>--datasets</c> takes; SOURCES.md there says where each comes from.</summary>
internal static class DatasetCatalog
{
    // Splink's documentation notebooks, each with the best threshold chosen using the labels.
    private const double SplinkFebrl3 = 0.9954;
    private const double SplinkFebrl4 = 0.9998;
    private const double SplinkFake1000 = 0.862;

    private static readonly (string Name, Func<string, LabeledDataset> Load)[] Entries =
    [
        ("febrl1", dir => Febrl.Dedupe("febrl1", Path.Combine(dir, "febrl", "dataset1.csv"), hasHeaders: true, 500, null)),
        ("febrl2", dir => Febrl.Dedupe("febrl2", Path.Combine(dir, "febrl", "dataset2.csv"), hasHeaders: true, 1_934, null)),
        ("febrl3", dir => Febrl.Dedupe("febrl3", Path.Combine(dir, "febrl", "dataset3.csv"), hasHeaders: true, 6_538, SplinkFebrl3)),
        ("febrl4", dir => Febrl.Linkage("febrl4", Path.Combine(dir, "febrl", "dataset4a.csv"), Path.Combine(dir, "febrl", "dataset4b.csv"), 5_000, SplinkFebrl4)),
        ("febrl-20k", dir => Febrl.Dedupe("febrl-20k", Path.Combine(dir, "febrl-20k-zingg", "febrl_20k.csv"), hasHeaders: false, 1_116, null)),
        ("fake-1000", dir => SplinkFake.Load("fake-1000", Path.Combine(dir, "splink-fake-1000", "fake_1000.csv"), 2_031, SplinkFake1000)),
        ("fake-20000", dir => SplinkFake.Load("fake-20000", Path.Combine(dir, "splink-fake-20000", "fake_20000_from_splink_demos.csv"), 33_280, null)),
        ("historical-50k", dir => HistoricalFigures.Load("historical-50k", Path.Combine(dir, "splink-historical-50k", "historical_figures_with_errors_50k.csv"))),
        ("ncvr-ocp0", dir => NcVoters.Load("ncvr-ocp0", Path.Combine(dir, "ncvr-5party-5000"), 0)),
        ("ncvr-ocp20", dir => NcVoters.Load("ncvr-ocp20", Path.Combine(dir, "ncvr-5party-5000"), 20)),
        ("ncvr-ocp40", dir => NcVoters.Load("ncvr-ocp40", Path.Combine(dir, "ncvr-5party-5000"), 40)),
        ("senzing", dir => SenzingTruthSet.Load("senzing", Path.Combine(dir, "senzing-truthset"))),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    public static LabeledDataset Load(string name, string dataDirectory) =>
        Entries.Single(e => string.Equals(e.Name, name, StringComparison.Ordinal)).Load(dataDirectory);

    /// <summary>Where the data lives when no <c>--data-dir</c> is given: shared/data/er beside the repository root.</summary>
    public static string? DefaultDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sightline.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "er"));
                }
            }
        }

        return null;
    }
}
