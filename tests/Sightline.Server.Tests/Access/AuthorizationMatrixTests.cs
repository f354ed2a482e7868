using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Sightline.Server.Access;

namespace Sightline.Server.Tests.Access;

/// <summary>Every endpoint, every role: each endpoint states its policy, and each role outside it is refused.</summary>
public sealed partial class AuthorizationMatrixTests
{
    // The only routes without a policy: ingestion (write keys, checked by the endpoint), settings for analytics.js,
    // health and the API description.
    private static readonly Regex Public = PublicRoutes();

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_callers_write_keys_and_roles_outside_its_policy()
    {
        await using var server = await RunningServer.StartAsync();
        var writeKey = await server.AddSourceAsync("web");
        var keys = new Dictionary<string, string>();
        foreach (var role in Roles.All)
        {
            keys[role] = await server.Service<ApiKeys>().IssueAsync("matrix " + role, role, CancellationToken.None);
        }

        var endpoints = server.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var checkedEndpoints = 0;
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (policies.Any(p => p.StartsWith("dashboard", StringComparison.Ordinal)))
            {
                // The dashboard's pages and forms take its sign-in, never a key: DashboardAccessTests checks them.
                continue;
            }

            if (policies.Count == 0)
            {
                Public.IsMatch(pattern).ShouldBeTrue($"{pattern} states no policy and is not an ingestion, health or description route");
                continue;
            }

            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : "GET";
            // Ids that name nothing: a DELETE must not revoke the very keys the matrix uses.
            var path = Parameter().Replace(pattern, m => m.Groups["name"].Value switch { "source" => "web", "key" => "1", _ => "999999" });
            var admitted = policies.Select(p => Policies.Admits[p]).Aggregate((a, b) => [.. a.Intersect(b)]);
            checkedEndpoints++;

            await Expect(null, 401);
            await Expect("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")), 401);
            await Expect("Bearer " + writeKey, 401);
            foreach (var role in Roles.All)
            {
                var status = await StatusAsync(server, method, path, "Bearer " + keys[role]);
                var allowed = admitted.Contains(role);
                if (allowed == status is 401 or 403)
                {
                    failures.Add($"{method} {path} as {role}: {status} (admits {string.Join(", ", admitted)})");
                }
            }

            async Task Expect(string? authorization, int expected)
            {
                var status = await StatusAsync(server, method, path, authorization);
                if (status != expected)
                {
                    failures.Add($"{method} {path} with {authorization?.Split(' ')[0] ?? "no credentials"}: {status}, expected {expected}");
                }
            }
        }

        checkedEndpoints.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Retention_records_and_passes_are_for_privacy_officers_and_admins_only()
    {
        await using var server = await RunningServer.StartAsync();
        var statuses = new List<string>();
        foreach (var role in Roles.All)
        {
            var key = "Bearer " + await server.Service<ApiKeys>().IssueAsync("retention " + role, role, CancellationToken.None);
            statuses.Add($"{role} {await StatusAsync(server, "GET", "/v1/privacy/retention", key)} {await StatusAsync(server, "POST", "/v1/privacy/retention?dryRun=true", key)}");
        }

        statuses.ShouldBe(["admin 200 200", "read 403 403", "segments 403 403", "privacy 200 200"]);
        (await StatusAsync(server, "GET", "/v1/privacy/retention", null)).ShouldBe(401);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_and_keys_are_listed_without_the_key()
    {
        await using var server = await RunningServer.StartAsync();
        var (created, issued) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/admin/keys", """{"name":"dashboard","role":"read"}"""));
        var (badRole, problem) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/admin/keys", """{"name":"x","role":"root"}"""));
        var key = issued.GetProperty("key").GetString()!;

        var before = await StatusAsync(server, "GET", "/v1/pipeline", "Bearer " + key);
        var (_, list) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/admin/keys", null));
        var id = list.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "dashboard").GetProperty("id").GetInt64();
        var (revoked, _) = await server.SendAsync(Admin(HttpMethod.Delete, $"/v1/admin/keys/{id}", null));
        var after = await StatusAsync(server, "GET", "/v1/pipeline", "Bearer " + key);

        (created, badRole, before, revoked, after).ShouldBe((201, 400, 200, 204, 401));
        problem.GetProperty("errors").GetProperty("role")[0].GetString()!.ShouldContain("admin, read, segments, privacy");
        list.ToString().ShouldNotContain(key);
    }

    private static async Task<int> StatusAsync(RunningServer server, string method, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await server.Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        return request;
    }

    [GeneratedRegex(@"^/(v1/(identify|i|track|t|page|p|screen|s|group|g|alias|a|batch|b|import)|v1/projects/\{writeKey\}/settings|healthz|openapi/\{documentName\}\.json|docs.*|scalar.*|signin|signout|language|dashboard\.css|dashboard\.js|segments\.js|favicon\.svg)$")]
    private static partial Regex PublicRoutes();

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
