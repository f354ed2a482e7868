using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sightline.Server.Tests.Profiles;

public sealed class ProfilesApiTests
{
    private static async Task<JsonElement> GetAsync(RunningServer server, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string?> IdOfAsync(RunningServer server, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/profiles/{key}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        using var response = await server.Http.SendAsync(request);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString() : null;
    }

    [Fact]
    public async Task Anonymous_visitor_who_signs_in_is_one_profile_with_their_earlier_events()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"page","anonymousId":"visitor-7","name":"Home","messageId":"m1"},
              {"type":"track","anonymousId":"visitor-7","event":"Product Viewed","messageId":"m2"},
              {"type":"identify","anonymousId":"visitor-7","userId":"u-7","traits":{"email":" Ana@Shop.es ","name":"Ana"},"messageId":"m3"},
              {"type":"track","userId":"u-7","event":"Order Completed","messageId":"m4"}
            ]}
            """, key));
        await server.PipelineCaughtUpAsync();

        var byEmail = await GetAsync(server, "/v1/profiles/email:ana@shop.es");
        var byUser = await GetAsync(server, "/v1/profiles/user_id:u-7");
        var byAnonymous = await GetAsync(server, "/v1/profiles/anonymous_id:visitor-7");

        var id = byEmail.GetProperty("id").GetString();
        byUser.GetProperty("id").GetString().ShouldBe(id);
        byAnonymous.GetProperty("id").GetString().ShouldBe(id);
        byEmail.GetProperty("identities").EnumerateArray().Select(i => $"{i.GetProperty("type").GetString()}:{i.GetProperty("value").GetString()}")
            .ShouldBe(["anonymous_id:visitor-7", "user_id:u-7", "email:ana@shop.es"], ignoreOrder: true);
        var name = byEmail.GetProperty("traits").GetProperty("name");
        name.GetProperty("value").GetString().ShouldBe("Ana");
        name.GetProperty("source").GetString().ShouldBe("web");
        var timeline = await GetAsync(server, $"/v1/profiles/{id}/events");
        timeline.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("messageId").GetString()).ShouldBe(["m4", "m3", "m2", "m1"]);
        var page = await GetAsync(server, $"/v1/profiles/{id}/events?limit=3&type=track");
        page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("messageId").GetString()).ShouldBe(["m4", "m2"]);
    }

    [Fact]
    public async Task Shared_tablet_logins_stay_two_profiles_and_the_blocked_merge_is_explained()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("store");
        await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"identify","anonymousId":"tablet-1","userId":"ana","messageId":"t1"},
              {"type":"identify","anonymousId":"tablet-1","userId":"luis","messageId":"t2"}
            ]}
            """, key));
        await server.PipelineCaughtUpAsync();

        var ana = (await GetAsync(server, "/v1/profiles/user_id:ana")).GetProperty("id").GetString();
        var luis = (await GetAsync(server, "/v1/profiles/user_id:luis")).GetProperty("id").GetString();

        ana.ShouldNotBe(luis);
        var blocked = (await GetAsync(server, $"/v1/profiles/{luis}/merges")).EnumerateArray().ShouldHaveSingleItem();
        blocked.GetProperty("kind").GetString().ShouldBe("blocked");
        blocked.GetProperty("via").GetString().ShouldBe("anonymous_id:tablet-1");
        blocked.GetProperty("reason").GetString()!.ShouldContain("user_id");
    }

    [Fact]
    public async Task Trait_history_keeps_every_value_and_the_trusted_source_wins()
    {
        await using var server = await RunningServer.StartAsync();
        var crm = await server.AddSourceAsync("crm");
        var enrichment = (await server.Service<Core.Storage.ISourceCatalog>().AddAsync(
            Core.Sources.NewSource.Create("enrichment", "third-party", null, null).Source!, CancellationToken.None)).Source!.WriteKey;
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","traits":{"city":"Madrid"},"messageId":"c1"}""", crm));
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","traits":{"city":"Sevilla"},"messageId":"e1"}""", enrichment));
        await server.PipelineCaughtUpAsync();

        var traits = await GetAsync(server, "/v1/profiles/user_id:u1/traits?history=true");

        var city = traits.EnumerateArray().Where(t => !t.GetProperty("computed").GetBoolean()).ShouldHaveSingleItem();
        city.GetProperty("value").GetString().ShouldBe("Madrid");
        city.GetProperty("source").GetString().ShouldBe("crm");
        city.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("value").GetString()).ShouldBe(["Sevilla", "Madrid"]);
    }

    [Fact]
    public async Task Unmerge_splits_a_merge_sends_events_back_and_the_same_evidence_never_merges_them_again()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"identify","anonymousId":"kiosk-7","traits":{"email":"pedro@mail.es"},"messageId":"k1"},
              {"type":"identify","anonymousId":"app-3","traits":{"email":"marta@mail.es"},"messageId":"k2"},
              {"type":"identify","anonymousId":"app-3","traits":{"email":"pedro@mail.es"},"messageId":"k3"}
            ]}
            """, key));
        await server.PipelineCaughtUpAsync();
        var merged = (await GetAsync(server, "/v1/profiles/email:marta@mail.es")).GetProperty("id").GetString()!;
        var merge = (await GetAsync(server, $"/v1/profiles/{merged}/merges")).EnumerateArray().ShouldHaveSingleItem();
        merge.GetProperty("kind").GetString().ShouldBe("merged");
        var splitOff = merge.GetProperty("from").GetString()!;

        using var unmerge = new HttpRequestMessage(HttpMethod.Post, $"/v1/profiles/{merged}/unmerge") { Content = System.Net.Http.Json.JsonContent.Create(new { profile = splitOff }) };
        unmerge.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        (await server.Http.SendAsync(unmerge)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // While the log is resolved again the profiles are being recomputed, and may briefly be missing.
        for (var attempt = 0; await IdOfAsync(server, splitOff) != splitOff; attempt++)
        {
            attempt.ShouldBeLessThan(100, "the split never showed");
            await Task.Delay(50);
        }

        await server.PipelineCaughtUpAsync();
        var marta = await GetAsync(server, "/v1/profiles/email:marta@mail.es");
        var pedro = await GetAsync(server, "/v1/profiles/email:pedro@mail.es");
        marta.GetProperty("id").GetString().ShouldNotBe(pedro.GetProperty("id").GetString());
        var blocked = (await GetAsync(server, $"/v1/profiles/{splitOff}/merges")).EnumerateArray().ShouldHaveSingleItem();
        blocked.GetProperty("kind").GetString().ShouldBe("blocked");
        blocked.GetProperty("reason").GetString()!.ShouldContain("unmerged by request");
        (await GetAsync(server, $"/v1/profiles/{splitOff}/events")).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("messageId").GetString()).ShouldBe(["k2"]);

        // New evidence of the same kind arrives: still two people.
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"anonymousId":"app-3","traits":{"email":"pedro@mail.es"},"messageId":"k4"}""", key));
        await server.PipelineCaughtUpAsync();
        (await GetAsync(server, "/v1/profiles/email:pedro@mail.es")).GetProperty("id").GetString().ShouldBe(merged);
        (await GetAsync(server, "/v1/profiles/email:marta@mail.es")).GetProperty("id").GetString().ShouldBe(splitOff);
    }

    [Fact]
    public async Task Unmerge_of_a_profile_that_was_not_merged_in_is_400()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"solo"}""", key));
        await server.PipelineCaughtUpAsync();
        var id = (await GetAsync(server, "/v1/profiles/user_id:solo")).GetProperty("id").GetString();

        using var unmerge = new HttpRequestMessage(HttpMethod.Post, $"/v1/profiles/{id}/unmerge") { Content = System.Net.Http.Json.JsonContent.Create(new { profile = "999" }) };
        unmerge.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        using var response = await server.Http.SendAsync(unmerge);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("profile");
    }

    [Fact]
    public async Task Store_phones_in_national_format_and_loyalty_cards_join_the_online_profile()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        var pos = (await server.Service<Core.Storage.ISourceCatalog>().AddAsync(
            Core.Sources.NewSource.Create("pos", null, null, null, "ES", ["loyalty_card"]).Source!, CancellationToken.None)).Source!.WriteKey;
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"web-5","traits":{"email":"lola@mail.es","phone":"+34 612 345 678"}}""", web));
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"anonymousId":"till-3","traits":{"phone":"612 34 56 78","loyalty_card":"TARJ-9"}}""", pos));
        await server.PipelineCaughtUpAsync();

        var byCard = await GetAsync(server, "/v1/profiles/loyalty_card:TARJ-9");

        byCard.GetProperty("id").GetString().ShouldBe((await GetAsync(server, "/v1/profiles/user_id:web-5")).GetProperty("id").GetString());
        byCard.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("type").GetString()).ShouldContain("loyalty_card");
    }

    [Fact]
    public async Task Ingest_only_node_commits_to_the_log_and_leaves_resolution_to_others()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Pipeline"] = "false" });
        var key = await server.AddSourceAsync("web");

        (await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1"}""", key))).Status.ShouldBe(200);
        await Task.Delay(500);

        (await server.LogAsync()).ShouldHaveSingleItem();
        (await GetAsync(server, "/v1/pipeline")).GetProperty("processed").GetInt64().ShouldBe(0);
        await GetAsync(server, "/v1/profiles/user_id:u1", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_profile_is_404_with_a_clear_body_and_reads_need_a_key()
    {
        await using var server = await RunningServer.StartAsync();

        var missing = await GetAsync(server, "/v1/profiles/email:nobody@nowhere.es", HttpStatusCode.NotFound);
        missing.GetProperty("detail").GetString()!.ShouldContain("email:nobody@nowhere.es");
        (await server.Http.GetAsync("/v1/profiles/1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await server.Http.GetAsync("/v1/pipeline")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(server, "/v1/pipeline")).GetProperty("processed").GetInt64().ShouldBe(0);
    }
}
