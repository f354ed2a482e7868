using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Sightline.Core.Audit;
using Sightline.Server.Audit;

namespace Sightline.Server.Tests.Dashboard;

/// <summary>The overview, sources and quarantine pages with real data, and sign-ins in the audit trail.</summary>
public sealed partial class OperationsPagesTests
{
    // An e-mail activity the email-activity preset does not know ("complained"), and one holding markup.
    private const string Activity = """
        Email,Campaign ID,Campaign,Activity,Timestamp,URL
        ana@correo.es,cmp-1,Otoño,delivered,2026-10-01 09:00:00,
        ana@correo.es,cmp-1,Otoño,complained,2026-10-01 09:10:00,
        eve@correo.es,cmp-1,<script>alert(1)</script>,<script>alert(2)</script>,2026-10-01 09:20:00,
        """;

    // The fix: any activity is an event name.
    private const string FixedMapping = """
        type: track
        record_id: [Email, Campaign ID, Activity, Timestamp]
        event: { column: Activity }
        timestamp: { column: Timestamp, type: datetime }
        identifiers: { email: Email }
        """;

    [Fact]
    public async Task The_overview_counts_profiles_events_by_source_and_type_rejections_and_the_pipeline()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var web = await server.AddSourceAsync("web");
        var app = await server.AddSourceAsync("app");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","traits":{"email":"ana@correo.es"}}""", web));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u1","event":"Viewed"}""", web));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"anonymousId":"a-7","event":"Opened"}""", app));
        await server.SendAsync(RunningServer.Post("/v1/page", """{"anonymousId":"a-7","name":"Home"}""", app));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u1"}""", web));
        await server.PipelineCaughtUpAsync();
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (status, page, _) = await session.GetAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("1 known profiles (identified by more than an anonymous id), 1 anonymous");
        Row(page, "web").ShouldBe(["2", "2", "2"]);
        Row(page, "app").ShouldBe(["2", "2", "2"]);
        Row(page, "track").ShouldBe(["2", "2", "2"]);
        Row(page, "identify").ShouldBe(["1", "1", "1"]);
        page.ShouldContain("4 accepted, 1 rejected");
        page.ShouldContain("Caught up");
        page.ShouldContain("No segments yet.");
        page.ShouldContain("<script src=\"/dashboard.js\" defer></script>");
        page.ShouldContain("data-live=\"30\"");
        // The search box stays on the home page; search itself answers at /search.
        page.ShouldContain("action=\"/search\"");
        (await session.GetAsync("/search?q=ana")).Body.ShouldContain("Find a customer");

        var (_, script, _) = await session.GetAsync("/dashboard.js");
        script.ShouldContain("data-live");
        using var csp = await session.Http.GetAsync("/");
        csp.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'; connect-src 'self'");
    }

    [Fact]
    public async Task Sources_show_traffic_and_hide_the_write_key_until_a_post_reveals_it_which_is_audited()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var web = await server.AddSourceAsync("web", "wk_web_secret_0123456789");
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u1","event":"Viewed"}""", web));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u1"}""", web));
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (status, page, _) = await session.GetAsync("/sources");
        var revealed = await PostAsync(session, "/sources", "/sources", ("_handler", "reveal"), ("Source", "web"));

        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldNotContain("wk_web_secret_0123456789");
        page.ShouldContain("web: 1 events in the last 24 hours, per hour");
        Regex.Match(page, "data-source=\"web\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value.ShouldContain("<td class=\"number\">1</td>");
        revealed.ShouldContain("<code class=\"key-value\" id=\"key-web\">wk_web_secret_0123456789</code>");
        await server.Service<AuditTrail>().FlushAsync(CancellationToken.None);
        (await server.Service<IAuditLog>().ListAsync(null, "user admin", 100, CancellationToken.None))
            .ShouldContain(e => e.Action == "POST /sources" && e.Reason == "revealed the write key of source web");
    }

    [Fact]
    public async Task The_quarantine_shows_payloads_as_text_and_replays_rows_with_a_fixed_mapping()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var web = await server.AddSourceAsync("web");
        using (var upload = new HttpRequestMessage(HttpMethod.Post, "/v1/import/newsletter?mapping=preset:email-activity&file=activity.csv") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Activity)) })
        {
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
            (await server.SendAsync(upload)).Status.ShouldBe(200);
        }

        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u1","properties":{"x":"</pre><script>alert(3)</script>"}}""", web));
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (status, page, _) = await session.GetAsync("/quarantine");

        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldNotContain("<script>alert");
        page.ShouldContain("&lt;script&gt;alert(2)&lt;/script&gt;");
        page.ShouldContain("&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;");
        page.ShouldContain("activity.csv:3 (import #1)");
        page.ShouldContain("sent over HTTP");
        page.ShouldContain("Replay all 2");
        (await session.GetAsync("/quarantine?source=web")).Body.ShouldNotContain("activity.csv:3");
        var complained = long.Parse(Regex.Match(page, "data-entry=\"(\\d+)\">(?:(?!data-entry).)*?activity.csv:3 ", RegexOptions.Singleline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var (broken, brokenAt) = await session.PostFormAsync("/quarantine", "/quarantine/replay", ("entry", complained.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("mapping", "type: [oops"));
        var (_, stillAt) = await session.PostFormAsync("/quarantine", "/quarantine/replay", ("entry", complained.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var (_, fixedAt) = await session.PostFormAsync("/quarantine", "/quarantine/replay", ("entry", complained.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("mapping", FixedMapping));

        broken.ShouldBe(HttpStatusCode.Redirect);
        brokenAt.ShouldNotBeNull().ShouldStartWith("/quarantine?failed=");
        (await session.GetAsync(brokenAt!)).Body.ShouldContain("Nothing replayed: mapping: line");
        stillAt.ShouldBe("/quarantine?replayed=1&imported=0&still=1");
        fixedAt.ShouldBe("/quarantine?replayed=1&imported=1&still=0");
        var (_, after, _) = await session.GetAsync(fixedAt!);
        after.ShouldContain("Replayed 1: 1 imported, 0 still quarantined.");
        after.ShouldNotContain($"data-entry=\"{complained}\"");
        after.ShouldContain("Replay all 1");
    }

    [Fact]
    public async Task Sign_ins_failed_and_successful_are_in_the_audit_trail_by_user_name_without_passwords()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        using var session = new DashboardSession(server.Address);

        await session.SignInAsync(password: "wrong-password-typed");
        await session.SignInAsync(name: "mallory", password: "guess-number-one");
        await session.SignInAsync();
        await session.PostFormAsync("/", "/signout");
        await server.Service<AuditTrail>().FlushAsync(CancellationToken.None);

        var trail = await server.Service<IAuditLog>().ListAsync(null, null, 100, CancellationToken.None);
        trail.Where(e => e.Action is "POST /signin" or "POST /signout").Select(e => (e.Actor, e.Status, e.Reason)).Reverse().ShouldBe(
        [
            ("user admin", 401, "sign-in failed: wrong user name or password"),
            ("user mallory", 401, "sign-in failed: wrong user name or password"),
            ("user admin", 200, "signed in"),
            ("user admin", 200, "signed out"),
        ]);
        trail.ShouldAllBe(e => !$"{e.Actor} {e.Action} {e.Reason}".Contains("password-typed") && !$"{e.Actor} {e.Reason}".Contains("guess") && !$"{e.Actor} {e.Reason}".Contains(DashboardSession.AdminPassword));
    }

    /// <summary>The numbers of a breakdown table's row (today, 7 days, 30 days).</summary>
    private static string[] Row(string page, string name) =>
        [.. RowCells().Match(page[page.IndexOf($"<th scope=\"row\">{name}</th>", StringComparison.Ordinal)..]).Groups[1].Captures.Select(c => c.Value)];

    /// <summary>Posts a form and reads the page answered (a Razor page handling its own form answers with the page, not a redirect).</summary>
    private static async Task<string> PostAsync(DashboardSession session, string page, string action, params (string Name, string Value)[] fields)
    {
        var (_, html, _) = await session.GetAsync(page);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await session.Http.PostAsync(action, content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("^<th scope=\"row\">[^<]*</th>(?:<td class=\"number\">([^<]*)</td>){3}")]
    private static partial Regex RowCells();
}
