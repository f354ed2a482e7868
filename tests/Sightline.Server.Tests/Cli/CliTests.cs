using System.Text.Json;

namespace Sightline.Server.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempData.Delete(_data);

    [Fact]
    public async Task Sources_add_prints_only_the_write_key_on_stdout_and_list_shows_it()
    {
        var generated = await SightlineCli.RunAsync("sources", "add", "web", "--data", _data);
        var chosen = await SightlineCli.RunAsync("sources", "add", "crm", "--kind", "third-party", "--trust", "35", "--write-key", "crm-key-12345", "--data", _data);

        generated.ExitCode.ShouldBe(0, generated.Error);
        generated.Out.Trim().Length.ShouldBe(32);
        chosen.Out.Trim().ShouldBe("crm-key-12345");
        var table = await SightlineCli.RunAsync("sources", "list", "--data", _data);
        table.Out.ShouldContain("crm-key-12345");
        var json = await SightlineCli.RunAsync("sources", "list", "--json", "--data", _data);
        var sources = json.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        sources.Select(s => (s.GetProperty("name").GetString(), s.GetProperty("kind").GetString(), s.GetProperty("trust").GetInt32(), s.GetProperty("writeKey").GetString()))
            .ShouldBe([("crm", "third-party", 35, "crm-key-12345"), ("web", "customer-direct", 80, generated.Out.Trim())]);
    }

    [Theory]
    [InlineData("Web", "name")]
    [InlineData("web --kind partner", "kind")]
    [InlineData("web --trust 101", "trust")]
    [InlineData("web --write-key a:b", "writeKey")]
    [InlineData("web --phone-region XX", "phoneRegion")]
    [InlineData("web --identifier-trait Loyalty-Card", "identifierTraits")]
    public async Task Sources_add_refuses_bad_input_naming_the_field(string args, string field)
    {
        var result = await SightlineCli.RunAsync(["sources", "add", .. SplitArgs(args), "--data", _data]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"error: {field}:");
    }

    [Fact]
    public async Task Sources_add_refuses_a_taken_name()
    {
        await SightlineCli.RunAsync("sources", "add", "web", "--data", _data);

        var again = await SightlineCli.RunAsync("sources", "add", "web", "--data", _data);

        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("name");
    }

    [Fact]
    public async Task Serve_prints_a_first_admin_key_once_and_it_opens_the_admin_api()
    {
        var (firstKey, firstOutput) = await ServeAndReadAdminKeyAsync();
        var (secondKey, secondOutput) = await ServeAndReadAdminKeyAsync();

        firstKey.ShouldNotBeNull(firstOutput);
        secondKey.ShouldBeNull(secondOutput);
    }

    [Fact]
    public async Task Data_directory_comes_from_environment_configuration_too()
    {
        var info = await SightlineCli.RunAsync("sources", "add", "web", "--data", _data);
        info.ExitCode.ShouldBe(0);

        // SIGHTLINE__DATA maps to Sightline:Data, as any .NET setting does.
        var environment = new Dictionary<string, string> { ["SIGHTLINE__DATA"] = _data };
        using var process = SightlineCli.Start(environment, "sources", "list");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        output.ShouldContain("web");
    }

    [Fact]
    public async Task Export_events_writes_json_lines_to_a_file()
    {
        var key = (await SightlineCli.RunAsync("sources", "add", "web", "--data", _data)).Out.Trim();
        var address = new Uri($"http://127.0.0.1:{SightlineCli.FreePort()}");
        using (var server = SightlineCli.Start(new Dictionary<string, string> { ["Sightline__AdminKey"] = "cli-test-admin-key-1234" }, "serve", "--data", _data, "--urls", address.ToString()))
        {
            await SightlineCli.WaitUntilHealthyAsync(address, server);
            using var http = new HttpClient { BaseAddress = address };
            using var request = RunningServer.Post("/v1/batch", """
                {"batch":[{"type":"identify","userId":"u1","messageId":"m1","traits":{"name":"Núria"}},{"type":"track","userId":"u1","event":"Paid","messageId":"m2"},{"type":"track","userId":"u1","messageId":"m3"}]}
                """, key);
            (await http.SendAsync(request)).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
            server.Kill();
            await server.WaitForExitAsync();
        }

        var file = Path.Combine(_data, "events.jsonl");
        var export = await SightlineCli.RunAsync("export", "events", "--out", file, "--data", _data);

        export.ExitCode.ShouldBe(0, export.Error);
        var lines = (await File.ReadAllLinesAsync(file)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => (l.GetProperty("source").GetString(), l.GetProperty("messageId").GetString(), l.GetProperty("type").GetString()))
            .ShouldBe([("web", "m1", "identify"), ("web", "m2", "track")]);
        lines[0].GetProperty("receivedAt").GetString().ShouldEndWith("Z");
        lines[0].GetProperty("message").GetProperty("traits").GetProperty("name").GetString().ShouldBe("Núria");
        var quarantine = await SightlineCli.RunAsync("quarantine", "list", "--json", "--data", _data);
        var row = JsonDocument.Parse(quarantine.Out).RootElement;
        (row.GetProperty("source").GetString(), row.GetProperty("messageId").GetString(), row.GetProperty("index").GetInt32(), row.GetProperty("field").GetString())
            .ShouldBe(("web", "m3", 2, "event"));
        row.GetProperty("payload").GetString()!.ShouldContain("\"m3\"");
        (await SightlineCli.RunAsync("quarantine", "list", "--data", _data)).Out.ShouldContain("is required for track");
    }

    private async Task<(string? Key, string Output)> ServeAndReadAdminKeyAsync()
    {
        var address = new Uri($"http://127.0.0.1:{SightlineCli.FreePort()}");
        using var server = SightlineCli.Start(null, "serve", "--data", _data, "--urls", address.ToString());
        await SightlineCli.WaitUntilHealthyAsync(address, server);
        server.Kill();
        await server.WaitForExitAsync();
        var output = await server.StandardOutput.ReadToEndAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Admin API key", StringComparison.Ordinal));
        var key = line?.Split(' ').Last().Trim();
        if (key is not null)
        {
            using var http = new HttpClient { BaseAddress = address };
            // The server is gone; check the key against a fresh in-process server on the same data.
            await using var check = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data, ["Sightline:AdminKey"] = null });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/sources");
            request.Headers.Authorization = new("Bearer", key);
            (await check.Http.SendAsync(request)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        return (key, output);
    }

    private static string[] SplitArgs(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
