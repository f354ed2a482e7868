using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Sightline.Server.Dashboard.Users;

namespace Sightline.Server.Tests.Dashboard;

/// <summary>Nothing of the dashboard without signing in; the cookie and the API keys each open only their own side.</summary>
public sealed partial class DashboardAccessTests
{
    private static readonly string[] Pages = ["/", "/search", "/search?q=ana", "/profiles/1", "/profiles/1?type=track", "/merges", "/segments", "/segments/new", "/sources", "/quarantine", "/quarantine?source=web&before=9"];

    private static readonly string[] SegmentPages = ["/segments/spain", "/segments/spain/edit", "/segments/spain/export?format=csv"];

    private static readonly string[] Forms = ["/merges/1/approve", "/merges/1/reject", "/profiles/1/unmerge", "/segments/check", "/segments/new", "/segments/spain/edit", "/quarantine/replay", "/sources"];

    [Fact]
    public async Task Every_page_and_form_sends_an_anonymous_visitor_to_sign_in()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        using var anonymous = new DashboardSession(server.Address);

        foreach (var page in Pages.Concat(SegmentPages))
        {
            var (status, body, location) = await anonymous.GetAsync(page);
            status.ShouldBe(HttpStatusCode.Redirect, page);
            location.ShouldNotBeNull().ShouldContain("/signin?ReturnUrl=");
            body.ShouldBeEmpty();
        }

        foreach (var form in Forms)
        {
            using var response = await anonymous.Http.PostAsync(form, new FormUrlEncodedContent([new("profile", "2")]));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, form);
            response.Headers.Location!.OriginalString.ShouldContain("/signin");
        }

        // An API key is not a dashboard session either.
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/merges");
        withKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        using var keyed = await anonymous.Http.SendAsync(withKey);
        keyed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // And every endpoint the dashboard maps, not only the pages named above.
        var dashboard = server.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy?.StartsWith("dashboard", StringComparison.Ordinal) == true)
                && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        dashboard.Count.ShouldBeGreaterThanOrEqualTo(13);
        foreach (var endpoint in dashboard)
        {
            var path = Parameter().Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), "1");
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : "GET";
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([]) : null };
            using var response = await anonymous.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{method} {path}");
            response.Headers.Location!.OriginalString.ShouldContain("/signin?ReturnUrl=");
        }

        var (signIn, _, _) = await anonymous.GetAsync("/signin");
        signIn.ShouldBe(HttpStatusCode.OK);
        var (css, _, _) = await anonymous.GetAsync("/dashboard.css");
        css.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_user_sees_the_pages_but_the_api_still_wants_a_key()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        using var session = new DashboardSession(server.Address);

        var (status, location) = await session.SignInAsync();

        status.ShouldBe(HttpStatusCode.Redirect);
        location.ShouldBe("/");
        foreach (var page in Pages.Where(p => !p.StartsWith("/profiles", StringComparison.Ordinal)))
        {
            (await session.GetAsync(page)).Status.ShouldBe(HttpStatusCode.OK, page);
        }

        (await session.GetAsync("/profiles/1")).Status.ShouldBe(HttpStatusCode.NotFound);
        // A page elsewhere cannot use the signed-in browser against the API: the cookie opens no /v1 endpoint.
        (await session.GetAsync("/v1/merge-suggestions")).Status.ShouldBe(HttpStatusCode.Unauthorized);

        // Signing out ends the session.
        (await session.PostFormAsync("/", "/signout")).Location.ShouldBe("/signin?signedOut=1");
        (await session.GetAsync("/")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        using var forged = await session.Http.PostAsync("/merges/1/reject", new FormUrlEncodedContent([new("returnUrl", "/")]));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        using var session = new DashboardSession(server.Address);

        (await session.SignInAsync(password: "not-the-password")).Location.ShouldBe("/signin?failed=1&returnUrl=%2F");
        (await session.SignInAsync(name: "nobody")).Location.ShouldStartWith("/signin?failed=1");
        (await session.PostFormAsync("/signin", "/signin", ("name", "nobody"), ("password", "x"), ("returnUrl", "/\t/evil.example"))).Location.ShouldBe("/signin?failed=1");
        for (var attempt = 2; attempt < DashboardUsers.MaxFailures; attempt++)
        {
            await session.SignInAsync(password: "still-not-it");
        }

        (await session.SignInAsync(password: "one-more-guess")).Location.ShouldStartWith("/signin?locked=1");
        (await session.SignInAsync()).Location.ShouldStartWith("/signin?locked=1");
        (await session.GetAsync("/")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_read_only_user_reads_profiles_but_cannot_decide_merges_and_a_new_password_ends_their_sessions()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var users = server.Service<DashboardUsers>();
        (await users.AddAsync("agent", "read", "agent-password-1", CancellationToken.None)).ShouldBeNull();
        (await users.AddAsync("Agent", "read", "agent-password-1", CancellationToken.None)).ShouldNotBeNull().ShouldContain("exists");
        (await users.AddAsync("short", "read", "short", CancellationToken.None)).ShouldNotBeNull().ShouldContain("password");
        using var session = new DashboardSession(server.Address);

        (await session.SignInAsync("agent", "agent-password-1")).Location.ShouldBe("/");

        (await session.GetAsync("/search?q=x")).Status.ShouldBe(HttpStatusCode.OK);
        (await session.GetAsync("/")).Status.ShouldBe(HttpStatusCode.OK);
        foreach (var adminPage in new[] { "/merges", "/sources", "/quarantine" })
        {
            (await session.GetAsync(adminPage)).Status.ShouldBe(HttpStatusCode.Forbidden, adminPage);
            (await session.GetAsync("/")).Body.ShouldNotContain($"href=\"{adminPage}\"");
        }

        (await session.PostFormAsync("/", "/merges/1/approve")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await session.PostFormAsync("/", "/quarantine/replay", ("import", "1"))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await session.PostFormAsync("/", "/sources", ("_handler", "reveal"), ("Source", "web"))).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await users.SetPasswordAsync("agent", "agent-password-2", CancellationToken.None)).ShouldBeNull();
        (await session.GetAsync("/")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_first_admin_gets_a_generated_password_once_when_none_is_configured()
    {
        await using var server = await RunningServer.StartAsync();
        var users = server.Service<DashboardUsers>();

        (await users.ListAsync(CancellationToken.None)).Select(u => (u.Name, u.Role)).ShouldBe([("admin", "admin")]);
        (await users.EnsureFirstAdminAsync(null, CancellationToken.None)).ShouldBeNull();
        (await users.ListAsync(CancellationToken.None)).Single().PasswordHash.ShouldNotContain(DashboardSession.AdminPassword);
    }

    [GeneratedRegex(@"\{\w+(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
