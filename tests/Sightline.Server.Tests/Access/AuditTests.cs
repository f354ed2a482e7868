using System.Net.Http.Headers;
using Sightline.Server.Access;
using Sightline.Server.Audit;

namespace Sightline.Server.Tests.Access;

public sealed class AuditTests
{
    [Fact]
    public async Task Every_read_is_in_the_trail_with_the_key_and_the_profile_id_and_never_the_email()
    {
        await using var server = await RunningServer.StartAsync();
        var writeKey = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u-7","traits":{"email":"lucia.perez@gmail.com","name":"Lucía Pérez"}}""", writeKey));
        await server.PipelineCaughtUpAsync();
        var keys = server.Service<ApiKeys>();
        var reader = await keys.IssueAsync("support desk", Roles.Read, CancellationToken.None);
        var officer = await keys.IssueAsync("dpo", Roles.Privacy, CancellationToken.None);

        var (read, profile) = await server.SendAsync(As(reader, "/v1/profiles/email:lucia.perez@gmail.com"));
        var (events, _) = await server.SendAsync(As(reader, "/v1/profiles/email:lucia.perez@gmail.com/events"));
        var (refused, _) = await server.SendAsync(As(reader, "/v1/admin/audit"));
        await server.Service<AuditTrail>().FlushAsync(CancellationToken.None);
        var id = profile.GetProperty("id").GetString();
        var (status, trail) = await server.SendAsync(As(officer, $"/v1/admin/audit?profile={id}"));

        (read, events, refused, status).ShouldBe((200, 200, 403, 200));
        trail.EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("role").GetString(), e.GetProperty("action").GetString(), e.GetProperty("status").GetInt32()))
            .ShouldBe([
                ("key 1 (support desk)", "read", "GET /v1/profiles/{key}/events", 200),
                ("key 1 (support desk)", "read", "GET /v1/profiles/{key}/", 200),
            ]);
        var (_, everything) = await server.SendAsync(As(officer, "/v1/admin/audit"));
        everything.ToString().ShouldNotContain("lucia");
        everything.EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "GET /v1/admin/audit" && e.GetProperty("status").GetInt32() == 403);
    }

    private static HttpRequestMessage As(string key, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
