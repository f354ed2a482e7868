namespace Sightline.Server.Tests.Segments;

/// <summary>A segment from writing to exporting, over real HTTP, with the pipeline keeping members as events arrive.</summary>
public sealed class SegmentLifecycleTests
{
    [Fact]
    public async Task Members_enter_and_leave_as_events_arrive_and_the_audience_exports()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """
            {"userId":"ana","traits":{"country":"ES","email":"ana@example.com","name":"Ana, \"la de Sevilla\""},
             "context":{"consent":{"categoryPreferences":{"email_marketing":true}}}}
            """, web));
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"luc","traits":{"country":"FR","email":"luc@example.com"}}""", web));
        await server.PipelineCaughtUpAsync();
        var ana = (await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:ana"))).Body.GetProperty("id").GetString();
        var luc = (await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:luc"))).Body.GetProperty("id").GetString();

        var (previewStatus, preview) = await server.SendAsync(Api(HttpMethod.Post, "/v1/segments/preview", """{"expression":"country in [\"ES\", \"FR\"]"}"""));
        var (badStatus, bad) = await server.SendAsync(Api(HttpMethod.Post, "/v1/segments", """{"name":"typo","expression":"contry = \"ES\""}"""));
        var (createdStatus, created) = await server.SendAsync(Api(HttpMethod.Post, "/v1/segments", """{"name":"spain","expression":"country = \"ES\""}"""));
        var (buyersStatus, _) = await server.SendAsync(Api(HttpMethod.Post, "/v1/segments", """
            {"name":"spanish buyers","expression":"in segment \"spain\" and orders_90d >= 2 and performed \"Order Completed\" where total > 50"}
            """));
        var (twiceStatus, _) = await server.SendAsync(Api(HttpMethod.Post, "/v1/segments", """{"name":"spain","expression":"country = \"PT\""}"""));

        previewStatus.ShouldBe(200, preview.ToString());
        preview.GetProperty("size").GetInt32().ShouldBe(2);
        preview.GetProperty("sample").EnumerateArray().Select(p => p.GetString()).ShouldBe([ana, luc], ignoreOrder: true);
        badStatus.ShouldBe(400);
        bad.GetProperty("errors").GetProperty("expression")[0].GetString()!.ShouldContain("line 1, column 1: unknown trait \"contry\"");
        createdStatus.ShouldBe(201, created.ToString());
        buyersStatus.ShouldBe(201);
        twiceStatus.ShouldBe(409);
        (await MembersWhenLiveAsync(server, "spain")).ShouldBe([ana]);
        (await MembersWhenLiveAsync(server, "spanish buyers")).ShouldBeEmpty();

        // Two orders, one over 50: ana enters the second segment as the events are processed.
        foreach (var (id, total) in new[] { ("o1", 30), ("o2", 80) })
        {
            await server.SendAsync(RunningServer.Post("/v1/track", $$$"""{"userId":"ana","event":"Order Completed","messageId":"{{{id}}}","properties":{"total":{{{total}}}}}""", web));
        }

        await server.PipelineCaughtUpAsync();
        (await MembersAsync(server, "spanish buyers")).ShouldBe([ana]);
        var (_, traits) = await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:ana/traits"));
        var orders = traits.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "orders_90d");
        orders.GetProperty("computed").GetBoolean().ShouldBeTrue();
        orders.GetProperty("value").GetDecimal().ShouldBe(2);
        traits.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "country").GetProperty("computed").GetBoolean().ShouldBeFalse();

        using var export = await server.Http.SendAsync(Api(HttpMethod.Get, "/v1/segments/spain/export?format=csv&traits=email,name,orders_90d&purpose=email_marketing"));
        var csv = await export.Content.ReadAsStringAsync();
        var (_, memberPage) = await server.SendAsync(Api(HttpMethod.Get, "/v1/segments/spain/members?traits=email,lifetime_value"));

        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.ReplaceLineEndings("\n").ShouldStartWith("profile_id,member_since,email,name,orders_90d\n" + ana + ",");
        csv.ShouldContain(",ana@example.com,\"Ana, \"\"la de Sevilla\"\"\",2");
        var member = memberPage.GetProperty("members")[0];
        member.GetProperty("traits").GetProperty("email").GetString().ShouldBe("ana@example.com");
        member.GetProperty("traits").GetProperty("lifetime_value").GetDecimal().ShouldBe(110);

        // Ana moves to France: she leaves "spain", and with it the segment built on it; luc's exports need consent.
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"ana","traits":{"country":"FR"}}""", web));
        await server.PipelineCaughtUpAsync();
        (await MembersAsync(server, "spain")).ShouldBeEmpty();
        (await MembersAsync(server, "spanish buyers")).ShouldBeEmpty();
        var (_, history) = await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:ana/segments?history=true"));
        history.GetProperty("segments").GetArrayLength().ShouldBe(0);
        history.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("segment").GetString(), e.GetProperty("change").GetString()))
            .ShouldBe([("spanish buyers", "left"), ("spain", "left"), ("spanish buyers", "entered"), ("spain", "entered")]);

        var (referenced, refusal) = await server.SendAsync(Api(HttpMethod.Delete, "/v1/segments/spain"));
        referenced.ShouldBe(409);
        refusal.GetProperty("detail").GetString()!.ShouldContain("\"spanish buyers\" refer to it");
        (await server.SendAsync(Api(HttpMethod.Delete, "/v1/segments/spanish%20buyers"))).Status.ShouldBe(204);
        (await server.SendAsync(Api(HttpMethod.Get, "/v1/segments/spanish%20buyers"))).Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_merge_moves_memberships_and_an_unmerge_moves_them_back()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(Api(HttpMethod.Post, "/v1/segments", """{"name":"shoppers","expression":"performed \"Order Completed\""}"""));
        await server.SendAsync(Api(HttpMethod.Post, "/v1/segments", """{"name":"known spaniards","expression":"country = \"ES\" and email exists"}"""));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"anonymousId":"device-1","event":"Order Completed","properties":{"total":10}}""", web));
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"eva","traits":{"country":"ES","email":"eva@example.com"}}""", web));
        await server.PipelineCaughtUpAsync();
        var anonymous = (await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/anonymous_id:device-1"))).Body.GetProperty("id").GetString();
        var eva = (await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:eva"))).Body.GetProperty("id").GetString();
        (await MembersWhenLiveAsync(server, "shoppers")).ShouldBe([anonymous]);
        (await MembersWhenLiveAsync(server, "known spaniards")).ShouldBe([eva]);

        // The device signs in as eva: one person, in both segments.
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"eva","anonymousId":"device-1"}""", web));
        await server.PipelineCaughtUpAsync();
        var merged = (await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:eva"))).Body.GetProperty("id").GetString();
        var other = merged == eva ? anonymous : eva;
        (await MembersAsync(server, "shoppers")).ShouldBe([merged]);
        (await MembersAsync(server, "known spaniards")).ShouldBe([merged]);

        (await server.SendAsync(Api(HttpMethod.Post, $"/v1/profiles/{merged}/unmerge", $$"""{"profile":"{{other}}"}"""))).Status.ShouldBe(202);
        await EventuallyAsync(async () => (await MembersAsync(server, "shoppers")).SequenceEqual([anonymous]) && (await MembersAsync(server, "known spaniards")).SequenceEqual([eva]));
    }

    [Fact]
    public async Task Events_sent_before_anything_filtered_them_count_in_a_preview_and_a_new_segment_that_filter_them()
    {
        // The engine holds the properties only of events a filter reads; a preview or a segment asking for others loads them.
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        foreach (var (user, id, name, amount) in new[] { ("ana", "r1", "Refund Issued", 40), ("luc", "r2", "Refund Issued", 5), ("ana", "o1", "Order Completed", 90), ("luc", "o2", "Order Completed", 20) })
        {
            (await server.SendAsync(RunningServer.Post("/v1/track", $$$"""{"userId":"{{{user}}}","event":"{{{name}}}","messageId":"{{{id}}}","properties":{"amount":{{{amount}}}}}""", web))).Status.ShouldBe(200);
        }

        await server.PipelineCaughtUpAsync();
        var ana = (await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:ana"))).Body.GetProperty("id").GetString();
        var luc = (await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:luc"))).Body.GetProperty("id").GetString();

        var (previewStatus, preview) = await server.SendAsync(Api(HttpMethod.Post, "/v1/segments/preview", """{"expression":"performed \"Order Completed\" where amount > 50"}"""));
        (await server.SendAsync(Api(HttpMethod.Post, "/v1/segments", """{"name":"big refunds","expression":"performed \"Refund Issued\" where amount > 10"}"""))).Status.ShouldBe(201);

        previewStatus.ShouldBe(200, preview.ToString());
        preview.GetProperty("size").GetInt32().ShouldBe(1);
        preview.GetProperty("sample").EnumerateArray().Select(p => p.GetString()).ShouldBe([ana]);
        (await MembersWhenLiveAsync(server, "big refunds")).ShouldBe([ana]);
        var (_, anaHistory) = await server.SendAsync(Api(HttpMethod.Get, "/v1/profiles/user_id:ana/segments?history=true"));
        anaHistory.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("segment").GetString(), e.GetProperty("change").GetString()))
            .ShouldBe([("big refunds", "entered")]);

        (await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"luc","event":"Refund Issued","messageId":"r3","properties":{"amount":25}}""", web))).Status.ShouldBe(200);
        await server.PipelineCaughtUpAsync();
        (await MembersAsync(server, "big refunds")).ShouldBe([ana, luc], ignoreOrder: true);
    }

    private static async Task<List<string?>> MembersWhenLiveAsync(RunningServer server, string segment)
    {
        await EventuallyAsync(async () => (await server.SendAsync(Api(HttpMethod.Get, $"/v1/segments/{Uri.EscapeDataString(segment)}"))).Body.GetProperty("status").GetString() == "live");
        await server.PipelineCaughtUpAsync();
        return await MembersAsync(server, segment);
    }

    private static async Task<List<string?>> MembersAsync(RunningServer server, string segment)
    {
        var (status, body) = await server.SendAsync(Api(HttpMethod.Get, $"/v1/segments/{Uri.EscapeDataString(segment)}/members"));
        status.ShouldBe(200, body.ToString());
        return [.. body.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("profile").GetString())];
    }

    private static Task EventuallyAsync(Func<Task<bool>> condition) => AdminApi.EventuallyAsync(condition);

    private static HttpRequestMessage Api(HttpMethod method, string path, string? json = null) => AdminApi.Request(method, path, json);
}
