using System.Text.Json;
using static Sightline.Server.Tests.AdminApi;

namespace Sightline.Server.Tests.ComputedTraits;

/// <summary>A computed trait declared, changed and deleted through the admin API, built from stored events at once and usable in segments.</summary>
public sealed class ComputedTraitsApiTests
{
    [Fact]
    public async Task A_trait_declared_through_the_api_is_built_from_past_events_read_by_segments_and_changed_or_deleted_under_rules()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"track","userId":"ana","event":"Order Completed","properties":{"total":30},"messageId":"o1"},
              {"type":"track","userId":"ana","event":"Order Completed","properties":{"total":80},"messageId":"o2"},
              {"type":"track","userId":"luis","event":"Order Completed","properties":{"total":20},"messageId":"o3"}
            ]}
            """, web));
        await server.PipelineCaughtUpAsync();

        var (badStatus, bad) = await server.SendAsync(Request(HttpMethod.Post, "/v1/computed-traits", """{"name":"x","aggregation":"summ","event":"A"}"""));
        var (takenStatus, taken) = await server.SendAsync(Request(HttpMethod.Post, "/v1/computed-traits", """{"name":"orders_90d","aggregation":"count","event":"A"}"""));
        var (createdStatus, created) = await server.SendAsync(Request(HttpMethod.Post, "/v1/computed-traits", """
            {"name":"big_orders","description":"Orders over 50","aggregation":"count","event":"Order Completed","where":{"total":{"gt":50}}}
            """));

        badStatus.ShouldBe(400);
        bad.GetProperty("errors").GetProperty("aggregation")[0].GetString()!.ShouldContain("\"summ\" is not one of");
        takenStatus.ShouldBe(409, taken.ToString());
        taken.GetProperty("detail").GetString()!.ShouldContain("orders_90d");
        createdStatus.ShouldBe(201, created.ToString());
        created.GetProperty("origin").GetString().ShouldBe("api");
        created.GetProperty("definition").GetProperty("where").GetProperty("total").GetProperty("gt").GetDecimal().ShouldBe(50);
        await EventuallyAsync(async () => await ValueAsync(server, "ana", "big_orders") == 1m);
        (await ValueAsync(server, "luis", "big_orders")).ShouldBe(0m);

        // Segments read it; it can't go while one does, and the configuration's traits are not the API's to change.
        (await server.SendAsync(Request(HttpMethod.Post, "/v1/segments", """{"name":"big spenders","expression":"big_orders >= 1"}"""))).Status.ShouldBe(201);
        await EventuallyAsync(async () => (await MembersAsync(server, "big spenders")).Count == 1);
        var (inUseStatus, inUse) = await server.SendAsync(Request(HttpMethod.Delete, "/v1/computed-traits/big_orders"));
        inUseStatus.ShouldBe(409);
        inUse.GetProperty("detail").GetString()!.ShouldContain("\"big spenders\"");
        (await server.SendAsync(Request(HttpMethod.Put, "/v1/computed-traits/orders_90d", """{"aggregation":"count","event":"A"}"""))).Status.ShouldBe(409);

        // Changed: built again from the log, and the segment follows.
        var (changedStatus, changed) = await server.SendAsync(Request(HttpMethod.Put, "/v1/computed-traits/big_orders", """
            {"aggregation":"count","event":"Order Completed","where":{"total":{"gt":10}}}
            """));
        changedStatus.ShouldBe(200, changed.ToString());
        changed.GetProperty("fingerprint").GetString().ShouldNotBe(created.GetProperty("fingerprint").GetString());
        await EventuallyAsync(async () => await ValueAsync(server, "luis", "big_orders") == 1m && (await MembersAsync(server, "big spenders")).Count == 2);
        (await ValueAsync(server, "ana", "big_orders")).ShouldBe(2m);
        var listed = (await server.SendAsync(Request(HttpMethod.Get, "/v1/computed-traits"))).Body.EnumerateArray().ToList();
        listed.Single(t => t.GetProperty("name").GetString() == "big_orders").GetProperty("status").GetString().ShouldBe("live");
        listed.Single(t => t.GetProperty("name").GetString() == "orders_90d").GetProperty("origin").GetString().ShouldBe("configuration");

        // A new event reaches the rebuilt state.
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"luis","event":"Order Completed","properties":{"total":15},"messageId":"o4"}""", web));
        await server.PipelineCaughtUpAsync();
        (await ValueAsync(server, "luis", "big_orders")).ShouldBe(2m);

        (await server.SendAsync(Request(HttpMethod.Delete, "/v1/segments/big%20spenders"))).Status.ShouldBe(204);
        (await server.SendAsync(Request(HttpMethod.Delete, "/v1/computed-traits/big_orders"))).Status.ShouldBe(204);
        (await server.SendAsync(Request(HttpMethod.Get, "/v1/computed-traits/big_orders"))).Status.ShouldBe(404);
        await EventuallyAsync(async () => await ValueAsync(server, "ana", "big_orders") is null);
    }

    private static async Task<decimal?> ValueAsync(RunningServer server, string user, string trait) =>
        (await TraitValueAsync(server, $"user_id:{user}", trait))?.GetDecimal();

    private static async Task<List<JsonElement>> MembersAsync(RunningServer server, string segment)
    {
        var (status, body) = await server.SendAsync(Request(HttpMethod.Get, $"/v1/segments/{Uri.EscapeDataString(segment)}/members"));
        status.ShouldBe(200, body.ToString());
        return [.. body.GetProperty("members").EnumerateArray()];
    }
}
