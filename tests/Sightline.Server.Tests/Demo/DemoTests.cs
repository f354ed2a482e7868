using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Demo;

/// <summary>
/// <c>sightline demo</c> end to end with the real CLI: it writes every export and the truth, imports them with counts
/// that add up, resolves them well enough against the truth, and a second run serves what is there.
/// </summary>
public sealed partial class DemoTests : IDisposable
{
    private static readonly string[] Exports =
    [
        "crm-contacts.csv", "loyalty-members.csv", "ecommerce-orders.csv", "pos-transactions.csv", "email-activity.csv",
        "support-tickets.csv", "survey-responses.csv", "product-reviews.csv", "social-comments.csv",
    ];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempData.Delete(_data);

    [Fact]
    public async Task Demo_loads_every_format_resolves_against_the_truth_and_a_second_run_only_serves()
    {
        var run = await SightlineCli.RunAsync("demo", "--no-serve", "--people", "300", "--data", _data);

        run.ExitCode.ShouldBe(0, run.Error);
        var demo = Path.Combine(_data, "demo");
        foreach (var file in Exports.Append("web-events.jsonl").Append("app-events.jsonl").Append("truth.csv").Append("README.txt"))
        {
            File.Exists(Path.Combine(demo, file)).ShouldBeTrue(file);
        }

        // One summary per export, each adding up, and together the rows the files hold.
        var summaries = Summary().Matches(run.Out);
        summaries.Select(m => m.Groups["file"].Value).ShouldBe(Exports);
        foreach (Match m in summaries)
        {
            (Count(m, "imported") + Count(m, "updated") + Count(m, "unchanged") + Count(m, "quarantined")).ShouldBe(Count(m, "read"), m.Value);
            Count(m, "read").ShouldBe(File.ReadLines(Path.Combine(demo, m.Groups["file"].Value)).Count() - 1, m.Value);
        }

        var truth = File.ReadLines(Path.Combine(demo, "truth.csv")).Skip(1).Select(TruthRow.Parse).ToList();
        var quarantined = summaries.Sum(m => Count(m, "quarantined"));
        truth.Count(t => t.Traps.Contains("quarantine")).ShouldBe(quarantined);
        quarantined.ShouldBeGreaterThan(0);

        var lineageFile = Path.Combine(_data, "lineage.jsonl");
        (await SightlineCli.RunAsync("export", "lineage", "--data", _data, "--out", lineageFile)).ExitCode.ShouldBe(0);
        var lineage = File.ReadLines(lineageFile).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => (e.GetProperty("source").GetString()!, e.GetProperty("record_id").GetString()!), e => e.GetProperty("profile_id").GetString()!);
        var scored = truth.Where(t => !t.Traps.Contains("quarantine")).ToList();
        scored.Where(t => !lineage.ContainsKey((t.Source, t.RecordId))).ShouldBeEmpty();
        lineage.Count.ShouldBe(scored.Count);

        // Floors measured on this seed (see bench/results/demo.md), not chosen to pass: the measured F1 was 0.99.
        var (precision, recall) = Pairwise(scored.Select(t => (lineage[(t.Source, t.RecordId)], t.Person)).ToList());
        (2 * precision * recall / (precision + recall)).ShouldBeGreaterThan(0.95);
        precision.ShouldBeGreaterThan(0.95);

        // The look-alikes. Namesakes must stay apart. Households mostly do; on this seed two do not, both a US or Mexican
        // family sharing a landline that libphonenumber cannot tell from a mobile, so the phone rule merges them (a known
        // gap, reported in bench/results/demo.md). The bound catches any further household merged.
        Mixed(scored, lineage, "namesake:").ShouldBeEmpty();
        var households = scored.Where(t => t.Traps.Any(x => x.StartsWith("household:", StringComparison.Ordinal))).Select(t => t.Person).Distinct().Count();
        households.ShouldBeGreaterThan(10);
        Mixed(scored, lineage, "household:").Count.ShouldBeLessThanOrEqualTo(2);

        // Anonymous browsing ends on the profile of the visitor who later signed in.
        var anonymous = scored.Where(t => t.Traps.Contains("anonymous-visitor")).ToList();
        anonymous.ShouldNotBeEmpty();
        var signedIn = scored.Where(t => t.Traps.Contains("identify")).GroupBy(t => t.Person).ToDictionary(g => g.Key, g => lineage[(g.First().Source, g.First().RecordId)]);
        anonymous.Count(t => lineage[(t.Source, t.RecordId)] == signedIn[t.Person]).ShouldBe(anonymous.Count);

        var again = await SightlineCli.RunAsync("demo", "--no-serve", "--people", "300", "--data", _data);
        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldContain("already loaded");
        Summary().Matches(again.Out).ShouldBeEmpty();
        (await SightlineCli.RunAsync("export", "lineage", "--data", _data)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(scored.Count);
    }

    /// <summary>Profiles holding records of two different people of one group (a household, a namesake pair).</summary>
    private static List<string> Mixed(List<TruthRow> scored, Dictionary<(string, string), string> lineage, string prefix) =>
        [.. scored.Where(t => t.Traps.Any(x => x.StartsWith(prefix, StringComparison.Ordinal)))
            .GroupBy(t => lineage[(t.Source, t.RecordId)])
            .Where(p => p.Select(t => t.Person).Distinct().Count() > 1)
            .Select(p => string.Join(",", p.Select(t => t.Person).Distinct()))];

    /// <summary>Pairwise precision and recall from group sizes: n records of a group make n·(n−1)/2 pairs.</summary>
    private static (double Precision, double Recall) Pairwise(List<(string Profile, string Person)> records)
    {
        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);
        var both = Pairs(records.GroupBy(r => r).Select(g => g.Count()));
        return ((double)both / Pairs(records.GroupBy(r => r.Profile).Select(g => g.Count())), (double)both / Pairs(records.GroupBy(r => r.Person).Select(g => g.Count())));
    }

    private static int Count(Match m, string group) => int.Parse(m.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<file>[\w-]+\.csv)\s+→\s+\S+\s+read\s+(?<read>[\d,]+), imported\s+(?<imported>[\d,]+), updated (?<updated>[\d,]+), unchanged (?<unchanged>[\d,]+), quarantined\s+(?<quarantined>[\d,]+)")]
    private static partial Regex Summary();

    private sealed record TruthRow(string Source, string RecordId, string Person, string[] Traps)
    {
        // Record ids never hold commas in the demo, so a split is enough; the traps column is last.
        public static TruthRow Parse(string line)
        {
            var parts = line.Split(',');
            return new TruthRow(parts[0], parts[1], parts[2], parts[3].Split(';', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
