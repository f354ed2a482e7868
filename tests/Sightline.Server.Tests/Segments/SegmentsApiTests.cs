using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Server.Access;

namespace Sightline.Server.Tests.Segments;

public sealed class SegmentsApiTests
{
    [Fact]
    public async Task Validate_checks_an_expression_against_the_traits_profiles_hold()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","traits":{"country":"ES","age":41,"address":{"city":"Madrid"}}}""", web));
        await server.PipelineCaughtUpAsync();
        var segmentsKey = await server.Service<ApiKeys>().IssueAsync("marketing", Roles.Segments, CancellationToken.None);

        var (okStatus, ok) = await Validate(server, segmentsKey, """country = "ES" and address.city = "madrid" and orders_90d >= 2 and consent("email_marketing") and last_seen within 14 days""");
        var (_, typo) = await Validate(server, segmentsKey, "contry = \"ES\" and\n  ordres_90d >= 2");
        var (_, mismatch) = await Validate(server, segmentsKey, """age = "old" """);
        var (missing, problem) = await server.SendAsync(Request(segmentsKey, "{}"));

        okStatus.ShouldBe(200, ok.ToString());
        ok.GetProperty("valid").GetBoolean().ShouldBeTrue(ok.ToString());
        ok.GetProperty("reads").GetProperty("traits").EnumerateArray().Select(t => t.GetString()).ShouldBe(["country", "address.city"], ignoreOrder: true);
        ok.GetProperty("reads").GetProperty("computedTraits").EnumerateArray().Select(t => t.GetString()).ShouldBe(["orders_90d", "last_seen"], ignoreOrder: true);
        ok.GetProperty("reads").GetProperty("timeDependent").GetBoolean().ShouldBeTrue();
        typo.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var messages = typo.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("message").GetString()!)).ToList();
        messages.ShouldContain(m => m.Item1 == 1 && m.Item2 == 1 && m.Item3.Contains("did you mean \"country\"", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Item1 == 2 && m.Item2 == 3 && m.Item3.Contains("did you mean \"orders_90d\"", StringComparison.Ordinal));
        mismatch.GetProperty("valid").GetBoolean().ShouldBeFalse(mismatch.ToString());
        missing.ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty("expression", out _).ShouldBeTrue();
    }

    private static Task<(int Status, JsonElement Body)> Validate(RunningServer server, string key, string expression) =>
        server.SendAsync(Request(key, JsonSerializer.Serialize(new { expression })));

    private static HttpRequestMessage Request(string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/segments/validate") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
