using System.Globalization;
using System.Text.Json;
using Sightline.Core.Audiences;
using Sightline.Core.Identity;
using Sightline.Core.Storage;
using Sightline.Server.Search;
using Sightline.Server.Tests.Cli;
using Sightline.Server.Tests.Dashboard;

namespace Sightline.Server.Tests.Browser;

/// <summary>
/// The dashboard in a real headless Chromium, against a server loaded with the demo's data: one browser and one server
/// for the whole walk (tests/browser/dashboard.mjs), with a screenshot of every page under tests/artifacts/screenshots.
/// </summary>
public sealed class DashboardBrowserTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sightline-dashboard-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_person_signs_in_finds_a_customer_despite_a_typo_writes_a_segment_reviews_a_merge_undoes_it_reads_the_overview_and_sources_replays_a_quarantined_row_and_reads_it_in_spanish()
    {
        var data = Path.Combine(_root, "data");
        var demo = await SightlineCli.RunAsync("demo", "--no-serve", "--people", "200", "--data", data);
        demo.ExitCode.ShouldBe(0, demo.Error);
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?>(DashboardSession.Settings) { ["Sightline:Data"] = data });
        await server.PipelineCaughtUpAsync();
        await DashboardPagesTests.SearchCaughtUpAsync(server);
        var (query, customer) = TypoOfSomeone(server.Service<ProfileSearch>());
        var shots = Path.Combine(SightlineCli.RepositoryRoot, "tests", "artifacts", "screenshots");

        var run = await NodeScript.RunAsync("dashboard.mjs", server.Address, DashboardSession.AdminPassword, "tests/browser", [shots, query, customer.ToString()]);

        run.ExitCode.ShouldBe(0, run.ToString());
        var summary = JsonDocument.Parse(run.Out).RootElement;
        summary.GetProperty("steps").GetArrayLength().ShouldBe(11, run.Out);
        summary.GetProperty("screenshots").EnumerateArray().ShouldAllBe(s => File.Exists(s.GetString()));

        // What the clicks did, as the store records it: the approval (kept beside the log), and the split that undid it.
        var store = server.Service<IProfileStore>();
        (await store.ApprovedMatchesAsync(CancellationToken.None)).ShouldHaveSingleItem();
        var unmerged = new ProfileId(long.Parse(summary.GetProperty("unmerged").GetString()!, CultureInfo.InvariantCulture));
        (await store.SeparationsAsync(CancellationToken.None)).ShouldContain(s => s.From == unmerged);

        // The replayed row left the quarantine (imported, or still there under the same id with its new reason).
        var replayed = long.Parse(summary.GetProperty("replayedEntry").GetString()!, CultureInfo.InvariantCulture);
        var left = await server.Service<IQuarantine>().FindAsync(replayed, CancellationToken.None);
        (left is null).ShouldBe(summary.GetProperty("replayImported").GetString() == "1", run.Out);
        var segment = (await server.Service<ISegmentStore>().FindAsync("browser buyers", CancellationToken.None)).ShouldNotBeNull();
        segment.Expression.ShouldBe("orders_90d >= 1");
    }

    /// <summary>Someone of the demo with a given name and a surname, written without accents and with one letter of the surname wrong.</summary>
    private static (string Query, ProfileId Profile) TypoOfSomeone(ProfileSearch search)
    {
        foreach (var surname in new[] { "garcia", "martinez", "lopez", "sanchez", "gonzalez", "rodriguez", "fernandez", "perez" })
        {
            if (search.Search(surname).FirstOrDefault(h => h.Name?.Split(' ') is [_, { Length: >= 6 }, ..]) is { } hit)
            {
                var words = Fold(hit.Name!).ToLowerInvariant().Split(' ');
                var chars = words[1].ToCharArray();
                chars[3] = chars[3] == 'x' ? 'z' : 'x';
                return ($"{words[0]} {new string(chars)}", hit.Profile);
            }
        }

        throw new InvalidOperationException("The demo data has none of the usual surnames.");
    }

    private static string Fold(string text) => new([.. text.Select(c => "áéíóúüñÁÉÍÓÚÜÑ".IndexOf(c) is >= 0 and var i ? "aeiouunAEIOUUN"[i] : c)]);
}
