using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sightline.Core.Events;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Privacy;

public sealed class RetentionTests : IDisposable
{
    private static readonly string Old = Timestamps.Format(DateTimeOffset.UtcNow.AddDays(-400));
    private static readonly string Recent = Timestamps.Format(DateTimeOffset.UtcNow.AddDays(-2));

    // Web page and track events are kept 30 days; identify is not named, so it stays; the app source has no rule.
    private static readonly Dictionary<string, string?> Rules = new()
    {
        ["Sightline:Retention:Rules:0:Source"] = "web",
        ["Sightline:Retention:Rules:0:Types:0"] = "page",
        ["Sightline:Retention:Rules:0:Types:1"] = "track",
        ["Sightline:Retention:Rules:0:MaxAge"] = "30d",
    };

    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-retention-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempData.Delete(_data);

    [Fact]
    public async Task Expired_events_leave_the_log_timeline_and_lineage_the_profile_keeps_its_identity_and_a_rebuild_agrees()
    {
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?>(Rules) { ["Sightline:Data"] = _data }))
        {
            var (web, app) = (await server.AddSourceAsync("web"), await server.AddSourceAsync("app"));
            await server.SendAsync(RunningServer.Post("/v1/batch", $$"""
                {"batch":[
                  {"type":"identify","anonymousId":"a1","userId":"u1","traits":{"email":"ana@shop.es","firstName":"Ana","plan":"silver"},"timestamp":"{{Old}}","messageId":"m1"},
                  {"type":"page","anonymousId":"a1","name":"Home","properties":{"url":"https://shop.es/"},"timestamp":"{{Old}}","messageId":"m2"},
                  {"type":"track","userId":"u1","event":"Order Completed","properties":{"total":42},"context":{"traits":{"plan":"gold"},"consent":{"categoryPreferences":{"advertising":true} } },"timestamp":"{{Old}}","messageId":"m3"},
                  {"type":"page","userId":"u1","name":"Cart","timestamp":"{{Recent}}","messageId":"m4"},
                  {"type":"page","anonymousId":"a9","name":"Secret page","properties":{"url":"https://shop.es/secret"},"context":{"ip":"10.1.2.3"},"timestamp":"{{Old}}","messageId":"m5"}
                ]}
                """, web));
            await server.SendAsync(RunningServer.Post("/v1/track", $$"""{"userId":"u1","event":"Opened","timestamp":"{{Old}}","messageId":"m6"}""", app));
            await server.PipelineCaughtUpAsync();
            var traitsBefore = await GetAsync(server, "/v1/profiles/user_id:u1/traits?history=true");
            traitsBefore.ToString().ShouldContain("gold");
            (await GetAsync(server, "/v1/profiles/user_id:u1")).GetProperty("traits").GetProperty("plan").GetProperty("value").GetString().ShouldBe("gold");
            (await LifetimeValueAsync(server)).ShouldBe(42m);

            var dry = await SendAsync(server, HttpMethod.Post, "/v1/privacy/retention?dryRun=true");
            var run = await SendAsync(server, HttpMethod.Post, "/v1/privacy/retention");

            Counts(dry).ShouldBe(["web page 1 1", "web track 1 0"], "the anonymous visitor's only page created its profile: it is cut down, not deleted");
            dry.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
            Counts(run).ShouldBe(Counts(dry));
            var log = await server.LogAsync();
            log.Select(e => e.MessageId).ShouldBe(["m1", "m4", "m5", "m6"]);
            var stub = JsonDocument.Parse(log.Single(e => e.MessageId == "m5").Json).RootElement;
            stub.ToString().ShouldNotContain("secret", Case.Insensitive);
            stub.ToString().ShouldNotContain("10.1.2.3");
            stub.GetProperty("anonymousId").GetString().ShouldBe("a9");

            var timeline = (await GetAsync(server, "/v1/profiles/user_id:u1/events")).GetProperty("events").EnumerateArray()
                .Select(e => e.GetProperty("messageId").GetString()).ToList();
            timeline.ShouldBe(["m4", "m6", "m1"], ignoreOrder: true);
            var identities = (await GetAsync(server, "/v1/profiles/email:ana@shop.es/identities")).ToString();
            identities.ShouldContain("anonymous_id");
            identities.ShouldContain("u1");
            var traits = await GetAsync(server, "/v1/profiles/user_id:u1/traits?history=true");
            traits.ToString().ShouldNotContain("gold", customMessage: "a trait value only the deleted event carried goes with it");
            (await GetAsync(server, "/v1/profiles/user_id:u1")).GetProperty("traits").GetProperty("plan").GetProperty("value").GetString()
                .ShouldBe("silver", "the source's earlier value shows again");
            traits.ToString().ShouldContain("ana@shop.es");
            (await GetAsync(server, "/v1/profiles/user_id:u1/consent")).ToString().ShouldNotContain("\"granted\":true");
            await AdminApi.EventuallyAsync(async () => await LifetimeValueAsync(server) == 0m);

            var recorded = await GetAsync(server, "/v1/privacy/retention");
            recorded.GetProperty("runs").GetArrayLength().ShouldBe(1, "a dry run is not recorded");
            Counts(recorded.GetProperty("runs")[0]).ShouldBe(Counts(run));
            recorded.GetProperty("runs")[0].GetProperty("trigger").GetString()!.ShouldStartWith("api (");
        }

        var lineage = await ExportAsync("lineage");
        var profiles = await ExportAsync("profiles");
        lineage.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("record_id").GetString()).ShouldBe(["m1", "m4", "m5", "m6"]);

        var rebuild = await SightlineCli.RunAsync("rebuild", "--data", _data);
        var runs = await SightlineCli.RunAsync("retention", "runs", "--json", "--data", _data);

        rebuild.ExitCode.ShouldBe(0, rebuild.Error);
        (await ExportAsync("lineage")).ShouldBe(lineage);
        (await ExportAsync("profiles")).ShouldBe(profiles);
        runs.Out.Trim().Split('\n').Length.ShouldBe(1);
        runs.Out.ShouldContain("\"deleted\":1");
    }

    [Fact]
    public async Task The_cli_dry_run_deletes_nothing_and_the_run_deletes_what_it_counted()
    {
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data }))
        {
            var web = await server.AddSourceAsync("web");
            await server.SendAsync(RunningServer.Post("/v1/batch", $$"""
                {"batch":[
                  {"type":"identify","userId":"u1","timestamp":"{{Old}}","messageId":"m1"},
                  {"type":"page","userId":"u1","timestamp":"{{Old}}","messageId":"m2"},
                  {"type":"track","userId":"u1","event":"Product Viewed","timestamp":"{{Old}}","messageId":"m3"},
                  {"type":"track","userId":"u1","event":"Order Completed","timestamp":"{{Old}}","messageId":"m4"}
                ]}
                """, web));
            await server.PipelineCaughtUpAsync();
        }

        // Only Product Viewed, of any source, after 90 days.
        var settings = new Dictionary<string, string> { ["SIGHTLINE__RETENTION__RULES__0__EVENT"] = "Product Viewed", ["SIGHTLINE__RETENTION__RULES__0__MAXAGE"] = "90" };
        var dry = await SightlineCli.RunAsync(settings, "retention", "run", "--dry-run", "--data", _data);
        var eventsAfterDryRun = await ExportAsync("events");
        var run = await SightlineCli.RunAsync(settings, "retention", "run", "--data", _data);
        var bad = await SightlineCli.RunAsync(
            new Dictionary<string, string> { ["SIGHTLINE__RETENTION__RULES__0__MAXAGE"] = "a year" }, "retention", "run", "--data", _data);

        dry.ExitCode.ShouldBe(0, dry.Error);
        dry.Error.ShouldContain("Dry run: 1 events would be deleted");
        dry.Out.ShouldContain("track");
        eventsAfterDryRun.Length.ShouldBe(4);
        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("1 events deleted");
        (await ExportAsync("events")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("messageId").GetString()).ShouldBe(["m1", "m2", "m4"]);
        bad.ExitCode.ShouldBe(2);
        bad.Error.ShouldContain("Sightline:Retention:Rules:0:MaxAge");
    }

    [Theory]
    [InlineData("Sightline:Retention:Rules:0:MaxAge", "forever", "Sightline:Retention:Rules:0:MaxAge")]
    [InlineData("Sightline:Retention:Rules:0:Types:0", "pageview", "Sightline:Retention:Rules:0:Types")]
    [InlineData("Sightline:Retention:Interval", "often", "Sightline:Retention:Interval")]
    public async Task A_bad_rule_stops_the_start_naming_the_setting(string setting, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Sightline:Retention:Rules:0:MaxAge"] = "30d", [setting] = value };

        var error = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var server = await RunningServer.StartAsync(settings);
        });

        error.Message.ShouldContain(named);
        error.Message.ShouldContain(value);
    }

    private static List<string> Counts(JsonElement run) =>
        [.. run.GetProperty("counts").EnumerateArray().Select(c =>
            $"{c.GetProperty("source").GetString()} {c.GetProperty("type").GetString()} {c.GetProperty("deleted").GetInt64()} {c.GetProperty("minimized").GetInt64()}")];

    // The deleted order no longer counts in what computed traits add up.
    private static async Task<decimal> LifetimeValueAsync(RunningServer server) =>
        (await AdminApi.TraitValueAsync(server, "user_id:u1", "lifetime_value"))!.Value.GetDecimal();

    private static Task<JsonElement> GetAsync(RunningServer server, string path) => SendAsync(server, HttpMethod.Get, path);

    private static async Task<JsonElement> SendAsync(RunningServer server, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey) } };
        var (status, body) = await server.SendAsync(request);
        status.ShouldBe(200, $"{method} {path}: {body}");
        return body;
    }

    private async Task<string[]> ExportAsync(string what)
    {
        var export = await SightlineCli.RunAsync("export", what, "--data", _data);
        export.ExitCode.ShouldBe(0, export.Error);
        return export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
