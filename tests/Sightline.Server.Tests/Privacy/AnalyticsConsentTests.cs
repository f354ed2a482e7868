using System.Text.Json;

namespace Sightline.Server.Tests.Privacy;

/// <summary>A person who denies analytics keeps identity and consent, but no behavioural events: past ones are cut down, later ones arrive cut down.</summary>
public sealed class AnalyticsConsentTests
{
    [Fact]
    public async Task Denying_analytics_cuts_behavioural_events_down_to_identity_and_consent()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"page","userId":"ana","name":"Shoes","properties":{"url":"https://shop.example/shoes?email=ana@example.com"},"messageId":"p1"},
              {"type":"track","userId":"ana","event":"Order Completed","properties":{"total":80,"address":"Calle Uno 1"},"messageId":"t1"},
              {"type":"track","userId":"luis","event":"Order Completed","properties":{"total":30},"messageId":"t2"}
            ]}
            """, web));
        await server.PipelineCaughtUpAsync();
        (await OrdersAsync(server, "ana")).ShouldBe(1);

        await server.SendAsync(RunningServer.Post("/v1/identify", """
            {"userId":"ana","traits":{"email":"ana@example.com"},"context":{"consent":{"categoryPreferences":{"analytics":false}}},"messageId":"i1"}
            """, web));
        await server.SendAsync(RunningServer.Post("/v1/track", """
            {"userId":"ana","event":"Order Completed","properties":{"total":99},"context":{"ip":"203.0.113.9"},"messageId":"t3"}
            """, web));
        await server.PipelineCaughtUpAsync();

        var ana = await TimelineAsync(server, "ana");
        ana.Select(e => e.GetProperty("messageId").GetString()).ShouldBe(["t3", "i1", "t1", "p1"]);
        foreach (var behavioural in ana.Where(e => e.GetProperty("type").GetString() is "track" or "page"))
        {
            var message = behavioural.GetProperty("message");
            message.TryGetProperty("properties", out _).ShouldBeFalse(message.ToString());
            message.TryGetProperty("event", out _).ShouldBeFalse(message.ToString());
            message.GetProperty("userId").GetString().ShouldBe("ana");
            message.ToString().ShouldNotContain("203.0.113.9");
        }

        var identify = ana.Single(e => e.GetProperty("messageId").GetString() == "i1").GetProperty("message");
        identify.GetProperty("traits").GetProperty("email").GetString().ShouldBe("ana@example.com");
        (await OrdersAsync(server, "ana")).ShouldBe(0);
        var (_, consent) = await server.SendAsync(Admin("/v1/profiles/user_id:ana/consent"));
        consent.ToString().ShouldContain("analytics");
        (await TimelineAsync(server, "luis")).Single().GetProperty("message").GetProperty("properties").GetProperty("total").GetInt32().ShouldBe(30);
        (await OrdersAsync(server, "luis")).ShouldBe(1);
    }

    private static async Task<decimal> OrdersAsync(RunningServer server, string user) =>
        (await AdminApi.TraitValueAsync(server, $"user_id:{user}", "orders_90d"))!.Value.GetDecimal();

    private static async Task<List<JsonElement>> TimelineAsync(RunningServer server, string user)
    {
        var (status, body) = await server.SendAsync(Admin($"/v1/profiles/user_id:{user}/events"));
        status.ShouldBe(200, body.ToString());
        return [.. body.GetProperty("events").EnumerateArray()];
    }

    private static HttpRequestMessage Admin(string path) => AdminApi.Request(HttpMethod.Get, path);
}
