using System.Net.Http.Headers;
using System.Text.Json;

namespace Sightline.Server.Tests.Profiles;

public sealed class ConsentTests
{
    [Fact]
    public async Task Choices_from_events_and_from_the_api_make_one_history_with_sources_and_evidence()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"u1","traits":{"email":"ana@shop.es"},"timestamp":"2026-11-01T10:00:00Z","context":{"consent":{"categoryPreferences":{"analytics":true,"email_marketing":true,"advertising":"maybe"}}},"messageId":"m1"},
              {"type":"track","userId":"u1","event":"Viewed","timestamp":"2026-11-02T10:00:00Z","context":{"consent":{"categoryPreferences":{"advertising":false}}},"messageId":"m2"}
            ]}
            """, key));
        await server.PipelineCaughtUpAsync();

        var (putStatus, change) = await server.SendAsync(Put("/v1/profiles/email:ana@shop.es/consent", """{"purposes":{"email_marketing":false},"evidence":"asked by phone, call 4711"}"""));
        await server.PipelineCaughtUpAsync();
        var (getStatus, consent) = await server.SendAsync(Get("/v1/profiles/user_id:u1/consent"));

        putStatus.ShouldBe(202, change.ToString());
        change.GetProperty("identifier").GetString().ShouldBe("user_id:u1");
        getStatus.ShouldBe(200, consent.ToString());
        var purposes = consent.GetProperty("purposes");
        (purposes.GetProperty("analytics").GetProperty("granted").GetBoolean(), purposes.GetProperty("analytics").GetProperty("source").GetString()).ShouldBe((true, "web"));
        purposes.GetProperty("advertising").GetProperty("granted").GetBoolean().ShouldBeFalse();
        var email = purposes.GetProperty("email_marketing");
        (email.GetProperty("granted").GetBoolean(), email.GetProperty("source").GetString(), email.GetProperty("evidence").GetString()).ShouldBe((false, "sightline", "asked by phone, call 4711"));
        purposes.GetProperty("sms_marketing").GetProperty("granted").ValueKind.ShouldBe(JsonValueKind.Null);
        consent.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("purpose").GetString(), h.GetProperty("granted").GetBoolean()))
            .ShouldBe([("analytics", true), ("email_marketing", true), ("advertising", false), ("email_marketing", false)]);
    }

    [Fact]
    public async Task Reading_for_a_purpose_leaves_out_profiles_without_consent_to_it()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","context":{"consent":{"categoryPreferences":{"email_marketing":true}}}}""", key));
        await server.PipelineCaughtUpAsync();

        var (granted, _) = await server.SendAsync(Get("/v1/profiles/user_id:u1/traits?purpose=email_marketing"));
        var (neverStated, never) = await server.SendAsync(Get("/v1/profiles/user_id:u1?purpose=sms_marketing"));
        await server.SendAsync(Put("/v1/profiles/user_id:u1/consent", """{"purposes":{"email_marketing":false}}"""));
        await server.PipelineCaughtUpAsync();
        var (withdrawn, denied) = await server.SendAsync(Get("/v1/profiles/user_id:u1/events?purpose=email_marketing"));
        var (plain, _) = await server.SendAsync(Get("/v1/profiles/user_id:u1"));

        (granted, neverStated, withdrawn, plain).ShouldBe((200, 404, 404, 200));
        never.GetProperty("detail").GetString()!.ShouldContain("never stated");
        denied.GetProperty("detail").GetString()!.ShouldContain("no consent to \"email_marketing\" (denied)");
    }

    [Theory]
    [InlineData("""{"purposes":{"telepathy":true}}""", "purposes.telepathy")]
    [InlineData("""{"purposes":{}}""", "purposes")]
    [InlineData("""{}""", "purposes")]
    public async Task A_change_names_the_field_it_cannot_take(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1"}""", key));
        await server.PipelineCaughtUpAsync();

        var (status, problem) = await server.SendAsync(Put("/v1/profiles/user_id:u1/consent", body));
        var (missing, _) = await server.SendAsync(Put("/v1/profiles/user_id:nobody/consent", """{"purposes":{"analytics":true}}"""));

        status.ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        missing.ShouldBe(404);
    }

    [Fact]
    public async Task Consent_needs_the_admin_key()
    {
        await using var server = await RunningServer.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/profiles/user_id:u1/consent");

        var (status, _) = await server.SendAsync(request);

        status.ShouldBe(401);
    }

    private static HttpRequestMessage Get(string path) => Authorized(new HttpRequestMessage(HttpMethod.Get, path));

    private static HttpRequestMessage Put(string path, string json) =>
        Authorized(new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        return request;
    }
}
