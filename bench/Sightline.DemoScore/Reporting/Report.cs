using System.Globalization;
using Sightline.DemoScore.Joining;
using Sightline.Matching.Scoring;

namespace Sightline.DemoScore.Reporting;

/// <summary>The figures, as text for a terminal and as Markdown rows for results/demo.md.</summary>
internal static class Report
{
    public static void Print(Join join, TimeSpan loading)
    {
        var records = join.Records;
        var persons = Labels(records.Select(r => r.Person));
        var profiles = Labels(records.Select(r => r.Profile));
        var pairwise = Contingency.Pairwise(profiles, persons, null);
        var bcubed = Contingency.BCubed(profiles, persons);
        var largest = records.GroupBy(r => r.Profile).Max(g => g.Count());
        Console.WriteLine();
        if (loading > TimeSpan.Zero)
        {
            Console.WriteLine(Invariant($"load      {loading.TotalSeconds:0.0} s wall for sightline demo --no-serve (generate, import, live append, resolve; includes starting the CLI)"));
        }

        Console.WriteLine(Invariant($"records   {records.Count:N0} in the log and the truth ({join.Quarantined:N0} quarantined rows left out; {join.Missing.Count:N0} truth records missing from lineage)"));
        Console.WriteLine(Invariant($"persons   {Contingency.Groups(persons):N0} true persons, {Contingency.Groups(profiles):N0} profiles (largest holds {largest:N0} records)"));
        Console.WriteLine(Invariant($"pairwise  P {pairwise.Precision:0.0000}  R {pairwise.Recall:0.0000}  F1 {pairwise.F1:0.0000}  ({pairwise.TruePairs:N0} true pairs, {pairwise.PredictedPairs:N0} predicted, {pairwise.FalsePositives:N0} wrong, {pairwise.FalseNegatives:N0} missed)"));
        Console.WriteLine(Invariant($"B-cubed   P {bcubed.Precision:0.0000}  R {bcubed.Recall:0.0000}  F1 {bcubed.F1:0.0000}"));
        Console.WriteLine();
        Console.WriteLine("| trap | passed | of | share | meaning |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var trap in Traps.Measure(records))
        {
            Console.WriteLine(Invariant($"| {trap.Name} | {trap.Passed:N0} | {trap.Cases:N0} | {trap.Share:0.000} | {trap.Meaning} |"));
        }

        foreach (var (source, recordId) in join.Missing.Take(5))
        {
            Console.WriteLine($"missing from lineage: {source} {recordId}");
        }
    }

    private static int[] Labels(IEnumerable<string> keys)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. keys.Select(k => ids.TryGetValue(k, out var id) ? id : ids[k] = ids.Count)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
