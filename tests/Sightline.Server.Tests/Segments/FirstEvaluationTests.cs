using System.Globalization;
using System.Text;

namespace Sightline.Server.Tests.Segments;

/// <summary>A full evaluation that records more changes than one store transaction holds keeps all of them.</summary>
public sealed class FirstEvaluationTests : IDisposable
{
    private const int Profiles = 3_500;

    // Each holds every profile; the expressions are escaped for JSON.
    private static readonly (string Name, string Expression)[] Segments =
    [
        ("known", "email exists"), ("spain", "country = \\\"ES\\\""), ("example", "email contains \\\"@example.com\\\""),
        ("iberia", "country in [\\\"ES\\\", \\\"PT\\\"]"), ("not-us", "country != \\\"US\\\""), ("not-fr", "not country = \\\"FR\\\""),
    ];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-first-evaluation-" + Guid.NewGuid().ToString("N"), "data");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);

    [Fact]
    public async Task A_full_evaluation_over_a_backlog_records_every_entry_in_history_and_members()
    {
        var settings = new Dictionary<string, string?> { ["Sightline:Data"] = _data };
        string web;
        await using (var server = await RunningServer.StartAsync(settings))
        {
            web = await server.AddSourceAsync("web");
            await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"first","traits":{"country":"ES","email":"first@example.com"}}""", web));
            await server.PipelineCaughtUpAsync();
            foreach (var (name, expression) in Segments)
            {
                (await server.SendAsync(AdminApi.Request(HttpMethod.Post, "/v1/segments", $$"""{"name":"{{name}}","expression":"{{expression}}"}"""))).Status.ShouldBe(201);
            }
        }

        // Logged while no pipeline runs, so the next start resolves them as a backlog and then evaluates every
        // profile at once: six segments of 3,501 members, more entries than one store transaction takes.
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?>(settings) { ["Sightline:Pipeline"] = "false" }))
        {
            for (var from = 0; from < Profiles; from += 500)
            {
                var batch = new StringBuilder("""{"batch":[""");
                for (var profile = from; profile < from + 500; profile++)
                {
                    batch.Append(CultureInfo.InvariantCulture, $$$"""{{{(profile > from ? "," : "")}}}{"type":"identify","userId":"p{{{profile}}}","traits":{"country":"ES","email":"p{{{profile}}}@example.com"}}""");
                }

                (await server.SendAsync(RunningServer.Post("/v1/batch", batch.Append("]}").ToString(), web))).Status.ShouldBe(200);
            }
        }

        await using (var server = await RunningServer.StartAsync(settings))
        {
            await server.PipelineCaughtUpAsync();
            foreach (var (segment, _) in Segments)
            {
                await AdminApi.EventuallyAsync(async () => (await server.SendAsync(AdminApi.Request(HttpMethod.Get, $"/v1/segments/{segment}"))).Body.GetProperty("size").GetInt32() == Profiles + 1);
                var entered = await HistoryAsync(server, segment);
                entered.Count.ShouldBe(Profiles + 1);
                entered.Distinct().Count().ShouldBe(Profiles + 1);
            }
        }
    }

    /// <summary>The profiles that entered the segment, one per history row, every page read.</summary>
    private static async Task<List<string>> HistoryAsync(RunningServer server, string segment)
    {
        var entered = new List<string>();
        string? before = null;
        do
        {
            var (status, body) = await server.SendAsync(AdminApi.Request(HttpMethod.Get, $"/v1/segments/{segment}/history?limit=1000{(before is null ? "" : "&before=" + before)}"));
            status.ShouldBe(200, body.ToString());
            foreach (var entry in body.GetProperty("entries").EnumerateArray())
            {
                entry.GetProperty("change").GetString().ShouldBe("entered");
                entered.Add(entry.GetProperty("profile").GetString()!);
            }

            before = body.GetProperty("next").GetString();
        }
        while (before is not null);
        return entered;
    }
}
