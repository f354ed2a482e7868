using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sightline.Core.Identity.Matching;
using Sightline.Matching.Datasets;
using Sightline.Matching.Resolving;
using Sightline.Matching.Scoring;

namespace Sightline.Matching.Reporting;

/// <summary>Prints the settings, each data set's figures and the Markdown summary.</summary>
internal static class Report
{
    public static void Header(MatchSettings settings, string dataDirectory, int repeat)
    {
        Line($"Sightline matching benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line($"Machine       {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, load average {LoadAverage()}");
        Line($"Matcher       BatchMatcher defaults: auto-merge ≥ {settings.AutoMergeThreshold}, review ≥ {settings.ReviewThreshold}, max block {settings.MaxBlockSize:N0}; nothing tuned on the labels");
        Line($"Data          {dataDirectory}");
        Line($"Repeats       {repeat} per data set; times are medians, accuracy is from the last run");
        Line();
    }

    public static void Dataset(LabeledDataset data, string made, TimeSpan loading, long truePairs)
    {
        var check = data.DocumentedTruePairs is { } documented
            ? documented == truePairs ? $" (SOURCES.md: {documented:N0}, matches)" : $" (SOURCES.md says {documented:N0}: MISMATCH)"
            : "";
        Line($"{data.Name}  {data.Source}");
        Line($"  data           {data.Records.Count:N0} records, {Contingency.Groups(data.Truth):N0} true entities, {truePairs:N0} true pairs{check}; {made} in {Seconds(loading)}");
    }

    public static void Failure(Resolver resolver, Exception error) =>
        Line($"  {Name(resolver),-14} FAILED: {error.GetType().Name}: {error.Message}");

    public static void Resolution(LabeledDataset data, MeasuredResolution measured, Accuracy accuracy, MatchSettings settings)
    {
        var last = measured.Last;
        var elapsed = measured.Median(r => r.Elapsed);
        var runs = measured.Runs.Count == 1 ? "" : $" (median of {measured.Runs.Count}: {string.Join(' ', measured.Runs.Select(r => r.Elapsed.TotalSeconds.ToString("N3", CultureInfo.InvariantCulture)))})";
        Line($"  {Name(measured.Resolver)}");
        if (measured.Resolver == Resolver.Matcher)
        {
            Line($"    time         {Seconds(elapsed)}{runs}: blocking {Seconds(measured.Median(r => r.Blocking))}, training {Seconds(measured.Median(r => r.Training))}, scoring {Seconds(measured.Median(r => r.Scoring))}, other {Seconds(measured.Median(r => r.Other))}");
            var scoring = measured.Median(r => r.Scoring).TotalSeconds;
            Line($"    throughput   {PerSecond(data.Records.Count, elapsed.TotalSeconds)} records/s; {last.Comparisons:N0} comparisons, {PerSecond(last.Comparisons, scoring)}/s of scoring time, {PerSecond(last.Comparisons, elapsed.TotalSeconds)}/s overall");
            var cpu = measured.Median(r => r.Cpu).TotalSeconds;
            Line($"    cpu          {cpu.ToString("N3", CultureInfo.InvariantCulture)} s of processor time (user and system, all threads); {PerSecond(last.Comparisons, cpu)} comparisons per processor-second overall");
        }
        else
        {
            Line($"    time         {Seconds(elapsed)}{runs}");
        }

        if (!measured.Stable)
        {
            Line("    WARNING      the repetitions produced different clusters: the result depends on more than the input");
        }

        Line($"    clusters     {accuracy.PredictedClusters:N0} predicted (largest {accuracy.LargestCluster:N0} records) for {accuracy.TrueEntities:N0} true entities");
        Line($"    pairwise     {Figures(accuracy.Pairwise)}{(data.IsLinkage ? "  (cross-source pairs only)" : "")}");
        var b = accuracy.BCubed;
        Line($"    B-cubed      P {b.Precision:F4}  R {b.Recall:F4}  F1 {b.F1:F4}{(data.IsLinkage ? "  (over all records and pairs, not only cross-source)" : "")}");
        var edges = accuracy.Edges;
        Line($"    edges ≥{settings.AutoMergeThreshold,-5} {Figures(edges.AutoMerge)}  (scored pairs before clustering)");
        Line($"    review band  {edges.ReviewPairs:N0} pairs in [{settings.ReviewThreshold}, {settings.AutoMergeThreshold}), {edges.ReviewTrue:N0} of them true"
            + (edges.Repeated > 0 ? $"; {edges.Repeated:N0} pairs listed more than once" : "")
            + (edges.SameSource > 0 ? $"; {edges.SameSource:N0} same-source pairs ignored" : ""));
        if (data.PublishedF1 is { } published && measured.Resolver == Resolver.Matcher)
        {
            Line($"    Splink       published F1 {published:F4} with the best threshold chosen on the labels; ours {accuracy.Pairwise.F1:F4} at the default threshold");
        }

        var memory = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        Line($"    memory       {Megabytes(last.AllocatedBytes)} allocated during the call; process peak working set {Megabytes(process.PeakWorkingSet64)}, GC heap {Megabytes(memory.HeapSizeBytes)} (committed {Megabytes(memory.TotalCommittedBytes)}) after the last GC");
    }

    public static void Errors(LabeledDataset data, ErrorReport errors, int samples)
    {
        Line($"    missed       {errors.Missed:N0} true pairs split: {errors.MissedInReview:N0} scored in the review band, {errors.MissedAtAutoMerge:N0} scored ≥ auto-merge but not joined, {errors.MissedUnscored:N0} not in the pair list (not blocked together, or below review)");
        if (errors.Missed > 0)
        {
            Line($"                 fields of missed pairs: {Fields(errors.MissedFields)}");
        }

        Line($"    wrong edges  {errors.WrongEdges:N0} auto-merge pairs between different entities");
        if (errors.WrongEdges > 0)
        {
            Line($"                 fields of wrong edges: {Fields(errors.WrongEdgeFields)}");
        }

        Samples(data, "missed (false negative)", errors.MissedSamples, samples);
        Samples(data, "wrong edge (false positive)", errors.WrongEdgeSamples, samples);
        Samples(data, "chained (false positive through other records)", errors.ChainedSamples, samples);
    }

    public static void WorkingSetBefore(long bytes) => Line($"  before         working set {Megabytes(bytes)} (the records and the truth)");

    public static void Summary(IReadOnlyList<SummaryRow> rows)
    {
        Line();
        Line("Summary (Markdown). Pairwise figures count cross-source pairs only for linkage sets; B-cubed is over all records.");
        Line();
        Line("| data set | records | resolver | comparisons | time (s) | records/s | pairwise P | pairwise R | pairwise F1 | B³ F1 | edge F1 (≥ auto-merge) | Splink F1 (best threshold) |");
        Line("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var a = row.Accuracy;
            var comparisons = row.Resolver == Resolver.Matcher ? row.Comparisons.ToString("N0", CultureInfo.InvariantCulture) : "–";
            var published = row.PublishedF1 is { } f && row.Resolver == Resolver.Matcher ? f.ToString("F4", CultureInfo.InvariantCulture) : "";
            Line($"| {row.Dataset}{(row.Linkage ? " (linkage)" : "")} | {row.Records:N0} | {Name(row.Resolver)} | {comparisons} | {row.Median.TotalSeconds:F3} | {PerSecond(row.Records, row.Median.TotalSeconds)} | {a.Pairwise.Precision:F4} | {a.Pairwise.Recall:F4} | **{a.Pairwise.F1:F4}** | {a.BCubed.F1:F4} | {a.Edges.AutoMerge.F1:F4} | {published} |");
        }
    }

    public static void Line(string text = "") => Console.WriteLine(text);

    private static void Samples(LabeledDataset data, string kind, IReadOnlyList<PairError> samples, int limit)
    {
        foreach (var error in samples.Take(limit))
        {
            var score = error.Score is { } s ? $"p {s.Probability:F4}, weight {s.Weight:F2}" : "not in the pair list";
            Line($"    · {kind}, {score}");
            Line($"        {Describe(data, error.Left)}");
            Line($"        {Describe(data, error.Right)}");
        }
    }

    private static string Describe(LabeledDataset data, int index)
    {
        var record = data.Records[index];
        var fields = string.Join(" | ", PersonFields.All.Select(f => f.Value(record) ?? "·"));
        var origin = data.Origins is { } origins ? $" src {origins[index]}" : "";
        return $"#{index} {record.Id} (entity {data.Truth[index]}{origin}): {fields}";
    }

    private static string Figures(PairFigures p) =>
        $"P {p.Precision:F4}  R {p.Recall:F4}  F1 {p.F1:F4}  (TP {p.TruePositives:N0}, FP {p.FalsePositives:N0}, FN {p.FalseNegatives:N0})";

    private static string Fields(IReadOnlyList<FieldAgreement> fields) =>
        "(agree/differ/missing) " + string.Join(", ", fields.Where(f => f.Agree + f.Differ > 0).Select(f => $"{f.Field} {f.Agree:N0}/{f.Differ:N0}/{f.Missing:N0}"));

    private static string Name(Resolver resolver) => resolver switch
    {
        Resolver.Matcher => "matcher",
        Resolver.ExactBaseline => "exact baseline",
        Resolver.TruthAsPrediction => "truth",
        _ => resolver.ToString(),
    };

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:N3} s";

    private static string PerSecond(long count, double seconds) => seconds <= 0 ? "–" : (count / seconds).ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => $"{bytes / 1_048_576.0:N0} MB";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
