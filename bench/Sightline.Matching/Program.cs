using System.CommandLine;
using System.Diagnostics;
using Sightline.Core.Identity.Matching;
using Sightline.Matching.Datasets;
using Sightline.Matching.Reporting;
using Sightline.Matching.Resolving;
using Sightline.Matching.Scoring;
using Sightline.Matching.Synthetic;

var dataDir = new Option<string?>("--data-dir") { Description = "The er data folder (default: ../shared/data/er from the repository root)." };
var datasets = new Option<string?>("--datasets") { Description = $"Comma-separated data sets to run (default: all unless --synthetic): {string.Join(", ", DatasetCatalog.Names)}." };
var synthetic = new Option<int?>("--synthetic") { Description = "Speed mode: also generate this many synthetic person records (e.g. 1000000) and resolve them." };
var seed = new Option<int>("--seed") { Description = "Seed of the synthetic generator and of the error samples.", DefaultValueFactory = _ => 42 };
var repeat = new Option<int>("--repeat") { Description = "Resolutions per data set; times are medians.", DefaultValueFactory = _ => 1 };
var showErrors = new Option<int>("--show-errors") { Description = "Print this many missed and wrongly merged pairs per data set, with field statistics." };
var exactBaseline = new Option<bool>("--exact-baseline") { Description = "Also resolve with the exact baseline: identical folded given name, surname and birth date." };
var writeModel = new Option<string?>("--write-model") { Description = "With --synthetic: also write the model estimated on the synthetic records to this file (how src/Sightline.Core's starter model is made)." };
var truthAsPrediction = new Option<bool>("--truth-as-prediction") { Description = "Also score the truth against itself (must be 1 everywhere): checks loaders and metrics.", Hidden = true };

var root = new RootCommand("Sightline matching benchmark: BatchMatcher accuracy against labelled person data, and its speed.")
{
    dataDir, datasets, synthetic, seed, repeat, showErrors, exactBaseline, truthAsPrediction, writeModel,
};
root.SetAction((parse, cancellationToken) =>
{
    var directory = parse.GetValue(dataDir) ?? DatasetCatalog.DefaultDirectory();
    var names = parse.GetValue(datasets) is { } list
        ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : parse.GetValue(synthetic) is null ? [.. DatasetCatalog.Names] : [];
    var unknown = names.Where(n => !DatasetCatalog.Names.Contains(n)).ToList();
    var repeats = parse.GetValue(repeat);
    var syntheticRecords = parse.GetValue(synthetic);
    if (unknown.Count > 0 || repeats < 1 || syntheticRecords < 1 || (directory is null && names.Length > 0))
    {
        Console.Error.WriteLine(unknown.Count > 0 ? $"error: unknown data set(s) {string.Join(", ", unknown)}; known: {string.Join(", ", DatasetCatalog.Names)}"
            : repeats < 1 ? "error: --repeat must be at least 1"
            : syntheticRecords < 1 ? "error: --synthetic must be positive"
            : "error: no Sightline.slnx above the current directory; pass --data-dir");
        return Task.FromResult(2);
    }

    var settings = new MatchSettings();
    Resolver[] resolvers =
    [
        Resolver.Matcher,
        .. parse.GetValue(exactBaseline) ? [Resolver.ExactBaseline] : Array.Empty<Resolver>(),
        .. parse.GetValue(truthAsPrediction) ? [Resolver.TruthAsPrediction] : Array.Empty<Resolver>(),
    ];
    var samples = Math.Max(0, parse.GetValue(showErrors));
    var seedValue = parse.GetValue(seed);
    Report.Header(settings, directory ?? "(not needed)", repeats);

    var rows = new List<SummaryRow>();
    var failedLoads = 0;
    foreach (var name in names)
    {
        var clock = Stopwatch.StartNew();
        LabeledDataset data;
        try
        {
            data = DatasetCatalog.Load(name, directory!);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Report.Line($"{name}  FAILED TO LOAD: {e.Message}");
            Report.Line();
            failedLoads++;
            continue;
        }

        Report.Dataset(data, "loaded", clock.Elapsed, Contingency.TruePairs(data.Truth, data.Origins));
        Measure(data, settings, resolvers, repeats, samples, seedValue, rows, cancellationToken);
    }

    if (syntheticRecords is { } count)
    {
        var clock = Stopwatch.StartNew();
        var data = SyntheticPeople.Generate(count, seedValue);
        Report.Dataset(data, "generated", clock.Elapsed, Contingency.TruePairs(data.Truth, data.Origins));
        GC.Collect();
        using (var process = Process.GetCurrentProcess())
        {
            Report.WorkingSetBefore(process.WorkingSet64);
        }

        Measure(data, settings, resolvers, repeats, samples, seedValue, rows, cancellationToken);
        if (parse.GetValue(writeModel) is { } modelFile)
        {
            var model = new BatchMatcher(settings).Resolve(data.Records, cancellationToken: cancellationToken).Model;
            File.WriteAllText(modelFile, System.Text.Json.JsonSerializer.Serialize(model, new System.Text.Json.JsonSerializerOptions(ModelJson.Options) { WriteIndented = true }) + "\n");
            Report.Line($"model written to {modelFile}");
        }
    }

    Report.Summary(rows);
    return Task.FromResult(failedLoads > 0 ? 1 : 0);
});
return await root.Parse(args).InvokeAsync();

// A failing resolver is reported and skipped: the other data sets and baselines still say something.
static void Measure(LabeledDataset data, MatchSettings settings, Resolver[] resolvers, int repeats, int samples, int seed, List<SummaryRow> rows, CancellationToken cancellationToken)
{
    foreach (var resolver in resolvers)
    {
        MeasuredResolution measured;
        try
        {
            measured = ResolveRunner.Run(resolver, data, settings, repeats, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Report.Failure(resolver, e);
            continue;
        }

        var accuracy = Accuracy.Measure(data, measured.Last, settings);
        Report.Resolution(data, measured, accuracy, settings);
        if (samples > 0 && resolver == Resolver.Matcher)
        {
            Report.Errors(data, ErrorAnalysis.Find(data, measured.Last, settings, samples, seed), samples);
        }

        rows.Add(new SummaryRow(data.Name, data.IsLinkage, data.Records.Count, resolver, measured.Last.Comparisons, measured.Median(r => r.Elapsed), accuracy, data.PublishedF1));
    }

    Report.Line();
}
