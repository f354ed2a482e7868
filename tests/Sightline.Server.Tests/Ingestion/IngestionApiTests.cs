using System.Text;
using System.Text.Json;

namespace Sightline.Server.Tests.Ingestion;

public sealed class IngestionApiTests
{
    [Theory]
    [InlineData("/v1/identify", """{"userId":"u1","traits":{"email":"ana@example.com"}}""", "identify")]
    [InlineData("/v1/i", """{"userId":"u1","traits":{}}""", "identify")]
    [InlineData("/v1/track", """{"userId":"u1","event":"Signed Up"}""", "track")]
    [InlineData("/v1/t", """{"anonymousId":"a1","event":"Clicked"}""", "track")]
    [InlineData("/v1/page", """{"anonymousId":"a1","name":"Home"}""", "page")]
    [InlineData("/v1/p", """{"anonymousId":"a1"}""", "page")]
    [InlineData("/v1/screen", """{"userId":"u1","name":"Cart"}""", "screen")]
    [InlineData("/v1/s", """{"userId":"u1"}""", "screen")]
    [InlineData("/v1/group", """{"userId":"u1","groupId":"g1"}""", "group")]
    [InlineData("/v1/g", """{"userId":"u1","groupId":"g1"}""", "group")]
    [InlineData("/v1/alias", """{"userId":"u1","previousId":"a1"}""", "alias")]
    [InlineData("/v1/a", """{"userId":"u1","previousId":"a1"}""", "alias")]
    public async Task Every_call_route_commits_its_type(string path, string body, string type)
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");

        var (status, response) = await server.SendAsync(RunningServer.Post(path, body, key));

        status.ShouldBe(200);
        response.GetProperty("success").GetBoolean().ShouldBeTrue();
        var logged = (await server.LogAsync()).ShouldHaveSingleItem();
        logged.Source.ShouldBe("web");
        Core.Events.MessageTypes.Name(logged.Type).ShouldBe(type);
    }

    [Theory]
    [InlineData("/v1/batch")]
    [InlineData("/v1/b")]
    [InlineData("/v1/import")]
    public async Task Batch_routes_commit_every_message(string path)
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");

        var (status, _) = await server.SendAsync(RunningServer.Post(path, """
            {"batch":[{"type":"identify","userId":"u1","messageId":"m1"},{"type":"track","userId":"u1","event":"E","messageId":"m2"}]}
            """, key));

        status.ShouldBe(200);
        (await server.LogAsync()).Select(e => e.MessageId).ShouldBe(["m1", "m2"]);
    }

    [Fact]
    public async Task Write_key_in_the_body_with_text_plain_as_analytics_js_sends_it()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");

        var (status, _) = await server.SendAsync(RunningServer.Post(
            "/v1/t", $$"""{"writeKey":"{{key}}","anonymousId":"a1","event":"Viewed"}""", writeKey: null, "text/plain"));

        status.ShouldBe(200);
        (await server.LogAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Gzip_body_with_form_content_type_as_rudderstack_sends_it()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("app");
        var json = """{"batch":[{"type":"track","userId":"u","event":"Opened","messageId":"rs-1","originalTimestamp":"2024-01-01T00:00:00.000Z"}],"sentAt":"2024-01-01T00:00:01.000Z"}""";
        using var request = RunningServer.PostGzip("/v1/batch", json, key, "application/x-www-form-urlencoded");

        var (status, _) = await server.SendAsync(request);

        status.ShouldBe(200);
        var logged = (await server.LogAsync()).ShouldHaveSingleItem();
        logged.MessageId.ShouldBe("rs-1");
        // Sent one second after it happened, by the device's clock: one second before it arrived.
        (logged.ReceivedAt - logged.Timestamp).ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Retried_message_is_acknowledged_and_stored_once()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        var body = """{"userId":"u","event":"Paid","messageId":"once"}""";

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await server.SendAsync(RunningServer.Post("/v1/track", body, key))).Status.ShouldBe(200);
        }

        (await server.LogAsync()).ShouldHaveSingleItem().MessageId.ShouldBe("once");
    }

    [Fact]
    public async Task Same_message_id_in_two_sources_is_two_events()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        var app = await server.AddSourceAsync("app");
        var body = """{"userId":"u","event":"Paid","messageId":"shared"}""";

        await server.SendAsync(RunningServer.Post("/v1/track", body, web));
        await server.SendAsync(RunningServer.Post("/v1/track", body, app));

        (await server.LogAsync()).Select(e => e.Source).ShouldBe(["web", "app"]);
    }

    [Fact]
    public async Task Unknown_write_key_is_401_and_nothing_is_stored()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddSourceAsync("web");

        var (basic, _) = await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u","event":"x"}""", "not-a-key"));
        var (inBody, _) = await server.SendAsync(RunningServer.Post("/v1/track", """{"writeKey":"nope","userId":"u","event":"x"}""", null));
        var (none, problem) = await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u","event":"x"}""", null));

        basic.ShouldBe(401);
        inBody.ShouldBe(401);
        none.ShouldBe(401);
        problem.GetProperty("detail").GetString()!.ShouldContain("write key");
        (await server.LogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Partly_bad_batch_keeps_the_good_messages_and_quarantines_the_rest()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");

        var (status, body) = await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"track","userId":"u","event":"Good","messageId":"g1"},
              {"type":"track","userId":"u","messageId":"bad-1"},
              {"type":"page","messageId":"bad-2"},
              {"type":"track","anonymousId":"a","event":"Good","messageId":"g2"}
            ]}
            """, key));

        status.ShouldBe(400);
        body.GetProperty("accepted").GetInt32().ShouldBe(2);
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("messageId").GetString(), e.GetProperty("field").GetString()))
            .ShouldBe([(1, "bad-1", "event"), (2, "bad-2", "userId")]);
        (await server.LogAsync()).Select(e => e.MessageId).ShouldBe(["g1", "g2"]);
        var quarantined = await server.Service<Core.Storage.IQuarantine>().ListAsync("web", 10, CancellationToken.None);
        quarantined.Select(q => q.MessageId).ShouldBe(["bad-2", "bad-1"]);
        Encoding.UTF8.GetString(quarantined[1].Payload).ShouldContain("bad-1");
    }

    [Fact]
    public async Task Settings_document_lets_analytics_js_start_from_any_origin()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/projects/{key}/settings");
        request.Headers.Add("Origin", "https://shop.example");

        using var response = await server.Http.SendAsync(request);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        var settings = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var segment = settings.GetProperty("integrations").GetProperty("Segment.io");
        segment.GetProperty("apiKey").GetString().ShouldBe(key);
        segment.GetProperty("apiHost").GetString().ShouldBe($"{server.Address.Authority}/v1");
        segment.GetProperty("protocol").GetString().ShouldBe("http");
        (await server.Http.GetAsync("/v1/projects/unknown-key/settings")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Ingestion_answers_cors_preflight()
    {
        await using var server = await RunningServer.StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/batch");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");

        using var response = await server.Http.SendAsync(preflight);

        ((int)response.StatusCode).ShouldBeInRange(200, 204);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant().ShouldContain("authorization", Case.Insensitive);
    }

    [Fact]
    public async Task Health_openapi_and_docs_are_served()
    {
        await using var server = await RunningServer.StartAsync();

        (await server.Http.GetStringAsync("/healthz")).ShouldBe("Healthy");
        var openApi = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/v1/track");
        paths.ShouldContain("/v1/b");
        paths.ShouldContain("/v1/admin/sources");
        (await server.Http.GetAsync("/docs")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
