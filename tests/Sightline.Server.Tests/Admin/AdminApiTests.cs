using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sightline.Server.Tests.Admin;

public sealed class AdminApiTests
{
    private static HttpRequestMessage Admin(HttpMethod method, string path, object? body = null, string? key = RunningServer.AdminKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task Admin_api_refuses_requests_without_the_admin_key(string? key)
    {
        await using var server = await RunningServer.StartAsync();
        var writeKey = await server.AddSourceAsync("web");

        foreach (var request in new[]
        {
            Admin(HttpMethod.Get, "/v1/admin/sources", key: key),
            Admin(HttpMethod.Post, "/v1/admin/sources", new { name = "crm" }, key),
            Admin(HttpMethod.Get, "/v1/admin/quarantine", key: key),
        })
        {
            using var response = await server.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // A write key ingests; it does not administer.
        using var withWriteKey = await server.Http.SendAsync(Admin(HttpMethod.Get, "/v1/admin/sources", key: writeKey));
        withWriteKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Added_source_gets_a_write_key_that_ingests_at_once()
    {
        await using var server = await RunningServer.StartAsync();

        using var created = await server.Http.SendAsync(Admin(HttpMethod.Post, "/v1/admin/sources", new { name = "pos", kind = "customer-direct", trust = 90 }));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var source = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        source.GetProperty("trust").GetInt32().ShouldBe(90);
        var writeKey = source.GetProperty("writeKey").GetString()!;
        (await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u","event":"Till Receipt"}""", writeKey))).Status.ShouldBe(200);
        (await server.LogAsync()).ShouldHaveSingleItem().Source.ShouldBe("pos");

        using var listed = await server.Http.SendAsync(Admin(HttpMethod.Get, "/v1/admin/sources"));
        var sources = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        sources.ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("pos");
    }

    [Theory]
    [InlineData("""{"name":"Not Valid"}""", "name")]
    [InlineData("""{"name":"crm","kind":"partner"}""", "kind")]
    [InlineData("""{"name":"crm","trust":-1}""", "trust")]
    [InlineData("""{"name":"crm","writeKey":"short"}""", "writeKey")]
    [InlineData("""{"name":"crm","phoneRegion":"ZZ"}""", "phoneRegion")]
    [InlineData("""{"name":"crm","identifierTraits":["ok","Not OK"]}""", "identifierTraits")]
    public async Task Invalid_source_is_400_naming_the_field(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();
        using var request = Admin(HttpMethod.Post, "/v1/admin/sources");
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Taken_name_is_409()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddSourceAsync("crm");

        using var response = await server.Http.SendAsync(Admin(HttpMethod.Post, "/v1/admin/sources", new { name = "crm" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Quarantine_lists_rejections_with_reason_and_payload()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"messageId":"who","traits":{"email":"x@y.z"}}""", key));

        using var response = await server.Http.SendAsync(Admin(HttpMethod.Get, "/v1/admin/quarantine?source=web"));

        var row = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("messageId").GetString().ShouldBe("who");
        row.GetProperty("field").GetString().ShouldBe("userId");
        row.GetProperty("payload").GetString()!.ShouldContain("x@y.z");
    }
}
