using System.Text.Json;

namespace Sightline.Server.Tests.Cli;

public sealed class RebuildTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-rebuild-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempData.Delete(_data);

    [Fact]
    public async Task Rebuild_from_the_log_gives_the_same_profiles_and_lineage()
    {
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data }))
        {
            var key = await server.AddSourceAsync("web");
            await server.SendAsync(RunningServer.Post("/v1/batch", """
                {"batch":[
                  {"type":"page","anonymousId":"a1","messageId":"m1"},
                  {"type":"identify","anonymousId":"a1","userId":"u1","traits":{"email":"ana@shop.es","name":"Ana"},"messageId":"m2"},
                  {"type":"identify","anonymousId":"tablet","userId":"u2","messageId":"m3"},
                  {"type":"identify","anonymousId":"tablet","userId":"u3","messageId":"m4"},
                  {"type":"track","anonymousId":"a9","event":"Viewed","messageId":"m5"},
                  {"type":"alias","previousId":"a9","userId":"u1","messageId":"m6"}
                ]}
                """, key));
            await server.PipelineCaughtUpAsync();
        }

        var before = await ExportAsync("lineage");
        var profilesBefore = await ExportAsync("profiles");

        var rebuild = await SightlineCli.RunAsync("rebuild", "--data", _data);

        rebuild.ExitCode.ShouldBe(0, rebuild.Error);
        rebuild.Error.ShouldContain("Rebuilt from 6 logged events");
        (await ExportAsync("lineage")).ShouldBe(before);
        (await ExportAsync("profiles")).ShouldBe(profilesBefore);
        var lineage = before.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(l => l.GetProperty("record_id").GetString()!, l => l.GetProperty("profile_id").GetString());
        lineage.Count.ShouldBe(6);
        lineage["m1"].ShouldBe(lineage["m2"]);
        lineage["m5"].ShouldBe(lineage["m1"], "alias merges the anonymous a9 into u1");
        lineage["m3"].ShouldNotBe(lineage["m4"], "two logins on a shared tablet stay two people");
        var ana = profilesBefore.Select(l => JsonDocument.Parse(l).RootElement).Single(p => p.GetProperty("id").GetString() == lineage["m1"]);
        ana.GetProperty("traits").GetProperty("email").GetProperty("value").GetString().ShouldBe("ana@shop.es");
        ana.GetProperty("identities").EnumerateArray().Select(i => i.GetString()).ShouldContain("anonymous_id:a9");
    }

    [Fact]
    public async Task Unmerge_from_the_cli_splits_the_alias_and_refuses_what_was_not_merged()
    {
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data }))
        {
            var key = await server.AddSourceAsync("web");
            await server.SendAsync(RunningServer.Post("/v1/batch", """
                {"batch":[
                  {"type":"identify","userId":"u1","messageId":"m1"},
                  {"type":"track","anonymousId":"a9","event":"Viewed","messageId":"m2"},
                  {"type":"alias","previousId":"a9","userId":"u1","messageId":"m3"}
                ]}
                """, key));
            await server.PipelineCaughtUpAsync();
        }

        var wrong = await SightlineCli.RunAsync("unmerge", "1", "--from", "3", "--data", _data);
        var split = await SightlineCli.RunAsync("unmerge", "1", "--from", "2", "--data", _data);

        wrong.ExitCode.ShouldBe(2);
        wrong.Error.ShouldContain("--from");
        split.ExitCode.ShouldBe(0, split.Error);
        var lineage = (await ExportAsync("lineage")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(l => l.GetProperty("record_id").GetString()!, l => l.GetProperty("profile_id").GetString());
        (lineage["m1"], lineage["m2"], lineage["m3"]).ShouldBe(("1", "2", "1"));
    }

    private async Task<string[]> ExportAsync(string what)
    {
        var export = await SightlineCli.RunAsync("export", what, "--data", _data);
        export.ExitCode.ShouldBe(0, export.Error);
        return export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
