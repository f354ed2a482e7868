using System.Text.Json;

namespace Sightline.Server.Tests.Browser;

/// <summary>
/// analytics.js (@segment/analytics-next) in a real headless Chromium, on a page served from another
/// origin, configured with nothing but Sightline's URL and a write key.
/// </summary>
public sealed class AnalyticsJsTests
{
    [Fact]
    public async Task Analytics_js_on_another_origin_loads_its_settings_from_sightline_and_every_call_lands_in_the_log()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("website");

        var run = await NodeScript.RunAsync("analytics-js.mjs", server.Address, key, "tests/browser");

        run.ExitCode.ShouldBe(0, run.ToString());
        var summary = JsonDocument.Parse(run.Out).RootElement;

        var requests = summary.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToList();
        requests[0].ShouldEndWith($"/v1/projects/{key}/settings");
        requests.ShouldContain(url => url.EndsWith("/v1/t", StringComparison.Ordinal));
        var anonymousId = summary.GetProperty("anonymousId").GetString();
        var events = await server.LogAsync();
        events.Select(e => Core.Events.MessageTypes.Name(e.Type)).ShouldBe(["page", "track", "identify", "track"]);
        events.ShouldAllBe(e => e.Source == "website" && e.MessageId.StartsWith("ajs-", StringComparison.Ordinal));
        var messages = events.Select(e => JsonDocument.Parse(e.Json).RootElement).ToList();
        messages.ShouldAllBe(m => m.GetProperty("anonymousId").GetString() == anonymousId);
        messages.ShouldAllBe(m => m.GetProperty("context").GetProperty("library").GetProperty("name").GetString() == "analytics.js");
        messages.ShouldAllBe(m => m.GetProperty("context").GetProperty("userAgent").GetString()!.Contains("Chrome"));
        messages[1].GetProperty("properties").GetProperty("price").GetDouble().ShouldBe(19.9);
        messages[2].GetProperty("userId").GetString().ShouldBe("browser-user-1");
        messages[2].GetProperty("traits").GetProperty("name").GetString().ShouldBe("Ana Núñez");
        messages[3].GetProperty("userId").GetString().ShouldBe("browser-user-1");
    }
}
