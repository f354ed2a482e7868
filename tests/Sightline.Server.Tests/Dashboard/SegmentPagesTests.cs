using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sightline.Core.Audit;
using Sightline.Server.Audit;
using Sightline.Server.Dashboard.Users;

namespace Sightline.Server.Tests.Dashboard;

/// <summary>The segment pages and the customer view's segment parts, against a running server with real members.</summary>
public sealed partial class SegmentPagesTests
{
    [Fact]
    public async Task Every_role_reads_segments_but_only_admin_and_segments_users_edit_them()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        await CreateAsync(server, "spain", "country = \"ES\"");
        var users = server.Service<DashboardUsers>();
        (await users.AddAsync("agent", "read", "agent-password-1", CancellationToken.None)).ShouldBeNull();
        (await users.AddAsync("marketer", "segments", "marketer-password-1", CancellationToken.None)).ShouldBeNull();
        using var agent = new DashboardSession(server.Address);
        using var marketer = new DashboardSession(server.Address);
        await agent.SignInAsync("agent", "agent-password-1");
        await marketer.SignInAsync("marketer", "marketer-password-1");

        var (listStatus, list, _) = await agent.GetAsync("/segments");
        listStatus.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain("href=\"/segments\" aria-current=\"page\"");
        list.ShouldContain("href=\"/segments/spain\"");
        list.ShouldNotContain("/segments/new");
        (await agent.GetAsync("/segments/spain")).Body.ShouldNotContain("/segments/spain/edit");
        (await agent.GetAsync("/segments/spain/export?format=csv")).Status.ShouldBe(HttpStatusCode.OK);
        (await agent.GetAsync("/segments/new")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/segments/spain/edit")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.SubmitAsync("/segments/spain", "/segments/check", ("expression", "country = \"ES\""))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.SubmitAsync("/segments/spain", "/segments/spain/edit", ("_handler", "delete"), ("confirm", "spain"))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.SubmitAsync("/segments/spain", "/segments/new", ("_handler", "segment"), ("name", "x"), ("expression", "vip = true"), ("action", "save"))).Status
            .ShouldBe(HttpStatusCode.Forbidden);

        (await marketer.GetAsync("/segments")).Body.ShouldContain("href=\"/segments/new\"");
        (await marketer.GetAsync("/segments/spain/edit")).Status.ShouldBe(HttpStatusCode.OK);
        // The live check is the dashboard's (cookie and antiforgery token); the API still wants a key.
        (await marketer.SubmitAsync("/segments/new", "/segments/check", ("expression", "country = \"ES\""))).Status.ShouldBe(HttpStatusCode.OK);
        using var forged = await marketer.Http.PostAsync("/segments/check", new FormUrlEncodedContent([new("expression", "country = \"ES\"")]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var api = await marketer.Http.PostAsync("/v1/segments/validate", new StringContent("""{"expression":"country = \"ES\""}""", Encoding.UTF8, "application/json"));
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_editor_points_at_a_misspelt_trait_and_suggests_the_right_one_with_and_without_script()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (status, page, _) = await session.SubmitAsync(
            "/segments/new", "/segments/new", ("_handler", "segment"), ("name", "buyers"), ("expression", "ordres_90d > 1"), ("action", "preview"));
        var (checkStatus, fragment, _) = await session.SubmitAsync("/segments/new", "/segments/check", ("name", "buyers"), ("expression", "ordres_90d > 1"));

        status.ShouldBe(HttpStatusCode.OK);
        checkStatus.ShouldBe(HttpStatusCode.OK);
        foreach (var html in new[] { page, fragment })
        {
            html.ShouldContain("<li class=\"diagnostic error\" data-line=\"1\" data-column=\"1\" data-length=\"10\">");
            html.ShouldContain("line 1, column 1");
            html.ShouldContain("unknown trait &quot;ordres_90d&quot; — did you mean &quot;orders_90d&quot;?");
            html.ShouldContain("<mark>ordres_90d</mark> &gt; 1");
            html.ShouldContain("data-replace=\"orders_90d\"");
            html.ShouldContain("id=\"diagnostics\"");
            html.ShouldNotContain("profiles match");
        }

        // The page keeps what was typed, ties the text to its diagnostics, and loads the script that checks as one types.
        page.ShouldContain("aria-describedby=\"expression-hint diagnostics\" aria-invalid=\"true\">ordres_90d &gt; 1</textarea>");
        page.ShouldContain("<script src=\"/segments.js\" defer></script>");
        fragment.ShouldNotContain("<html");
        (await server.Http.GetAsync("/segments.js")).Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");

        // A warning is not an error: a trait no profile holds yet is flagged, and the size still shows.
        var (_, warned, _) = await session.SubmitAsync("/segments/new", "/segments/check", ("expression", "zodiac_sign = \"leo\""));
        warned.ShouldContain("<li class=\"diagnostic warning\"");
        warned.ShouldContain("<span class=\"badge warn\">warning</span>");
        warned.ShouldMatch("0 of [0-9]+ profiles match");
    }

    [Fact]
    public async Task Saving_from_the_editor_follows_the_api_rules_and_the_segment_page_shows_members_history_and_export()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """
            {"userId":"ana","traits":{"firstName":"Ana","lastName":"Ruiz","country":"ES","email":"ana@example.com"},
             "context":{"consent":{"categoryPreferences":{"email_marketing":true}}}}
            """, web));
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"eva","traits":{"firstName":"Eva","country":"ES","email":"eva@example.com"}}""", web));
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"luc","traits":{"firstName":"Luc","country":"FR"}}""", web));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"ana","event":"Order Completed","properties":{"total":80}}""", web));
        await server.PipelineCaughtUpAsync();
        await CreateAsync(server, "buyers", "orders_90d >= 1");
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (previewStatus, preview, _) = await session.SubmitAsync(
            "/segments/new", "/segments/new", ("_handler", "segment"), ("name", "spain"), ("expression", "country = \"ES\""), ("action", "preview"));
        var (savedStatus, _, saved) = await session.SubmitAsync(
            "/segments/new", "/segments/new", ("_handler", "segment"), ("name", "spain"), ("expression", "country = \"ES\""), ("description", "Spanish customers"), ("action", "save"));
        var (takenStatus, taken, _) = await session.SubmitAsync(
            "/segments/new", "/segments/new", ("_handler", "segment"), ("name", "spain"), ("expression", "country = \"PT\""), ("action", "save"));
        var (invalidStatus, invalid, _) = await session.SubmitAsync(
            "/segments/new", "/segments/new", ("_handler", "segment"), ("name", "typo"), ("expression", "contry = \"ES\""), ("action", "save"));
        await CreateAsync(server, "spanish buyers", "in segment \"spain\" and in segment \"buyers\"");
        var (renameStatus, rename, _) = await session.SubmitAsync(
            "/segments/spain/edit", "/segments/spain/edit", ("_handler", "segment"), ("name", "españa"), ("expression", "country = \"ES\""), ("action", "save"));
        var (deleteStatus, delete, _) = await session.SubmitAsync("/segments/spain/edit", "/segments/spain/edit", ("_handler", "delete"), ("confirm", "spain"));

        previewStatus.ShouldBe(HttpStatusCode.OK);
        preview.ShouldContain("2 of 3 profiles match");
        preview.ShouldContain(">Ana Ruiz</a>");
        preview.ShouldMatch("checked in [0-9.]+ ms");
        savedStatus.ShouldBe(HttpStatusCode.Redirect);
        saved.ShouldNotBeNull().ShouldEndWith("/segments/spain?saved=1");
        takenStatus.ShouldBe(HttpStatusCode.Conflict);
        taken.ShouldContain("A segment named &quot;spain&quot; exists already.");
        taken.ShouldContain(">country = &quot;PT&quot;</textarea>");
        invalidStatus.ShouldBe(HttpStatusCode.OK);
        invalid.ShouldContain("Not saved: the expression has errors");
        invalid.ShouldContain("did you mean &quot;country&quot;?");
        renameStatus.ShouldBe(HttpStatusCode.Conflict);
        rename.ShouldContain("Segment &quot;spain&quot; cannot be renamed while &quot;spanish buyers&quot; refer to it.");
        deleteStatus.ShouldBe(HttpStatusCode.Conflict);
        delete.ShouldContain("Segment &quot;spain&quot; cannot be deleted while &quot;spanish buyers&quot; refer to it.");

        await server.PipelineCaughtUpAsync();
        await AdminApi.EventuallyAsync(async () => (await session.GetAsync("/segments")).Body.Contains("<span class=\"badge yes\">live</span>", StringComparison.Ordinal));
        var (_, list, _) = await session.GetAsync("/segments");
        var row = Row().Match(list[list.IndexOf("data-segment=\"spain\"", StringComparison.Ordinal)..]).Value;
        row.ShouldContain("<code class=\"wrap\">country = &quot;ES&quot;</code>");
        row.ShouldContain("<td class=\"number\">2</td>");
        row.ShouldContain("aria-label=\"Members over the last 30 days: 0 then, 2 now\"");
        row.ShouldContain("<polyline points=\"1,26 ");

        var (_, segment, _) = await session.GetAsync("/segments/spain?traits=email,orders_90d");
        segment.ShouldContain("Spanish customers");
        segment.ShouldContain("<th scope=\"col\">orders_90d</th>");
        segment.ShouldContain(">Ana Ruiz</a>");
        segment.ShouldContain("<td class=\"wrap\">ana@example.com</td><td class=\"wrap\">1</td>");
        segment.ShouldContain(">Eva</a>");
        segment.ShouldNotContain(">Luc</a>");
        segment.ShouldContain("<span class=\"badge yes\">entered</span>");
        segment.ShouldContain("action=\"/segments/spain/export\"");

        // The download is the API's file, through the cookie, and the audit trail records who took it.
        using var download = await session.Http.GetAsync("/segments/spain/export?traits=email&format=csv&purpose=email_marketing");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("spain.csv");
        var csv = (await download.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("profile_id,member_since,email");
        csv.Skip(1).ShouldHaveSingleItem().ShouldEndWith(",ana@example.com");
        using var everyone = await session.Http.GetAsync("/segments/spain/export?traits=email&format=jsonl&purpose=");
        (await everyone.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        await server.Service<AuditTrail>().FlushAsync(CancellationToken.None);
        (await server.Service<IAuditLog>().ListAsync(null, "user admin", 100, CancellationToken.None))
            .ShouldContain(e => e.Action == "GET /segments/{segment}/export" && e.Status == 200);

        // Deleted once nothing refers to it; the list says so.
        await server.SendAsync(AdminApi.Request(HttpMethod.Delete, "/v1/segments/spanish%20buyers"));
        var (deletedStatus, _, deleted) = await session.SubmitAsync("/segments/spain/edit", "/segments/spain/edit", ("_handler", "delete"), ("confirm", "spain"));
        deletedStatus.ShouldBe(HttpStatusCode.Redirect);
        deleted.ShouldNotBeNull().ShouldEndWith("/segments?deleted=spain");
        (await session.GetAsync(deleted!)).Body.ShouldContain("Segment &quot;spain&quot; deleted.");
        (await session.GetAsync("/segments/spain")).Status.ShouldBe(HttpStatusCode.NotFound);

        // A name with accents and a slash: its pages and its file still work.
        await CreateAsync(server, "año/nuevo", "country = \"ES\"");
        (await session.GetAsync("/segments")).Body.ShouldContain("href=\"/segments/a%C3%B1o%2Fnuevo\"");
        (await session.GetAsync("/segments/a%C3%B1o%2Fnuevo")).Status.ShouldBe(HttpStatusCode.OK);
        using var accented = await session.Http.GetAsync("/segments/a%C3%B1o%2Fnuevo/export");
        accented.StatusCode.ShouldBe(HttpStatusCode.OK);
        accented.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("año/nuevo.csv");
    }

    [Fact]
    public async Task The_customer_view_shows_segments_with_entry_dates_and_computed_traits_with_their_definition()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"ana","traits":{"firstName":"Ana","country":"ES"}}""", web));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"ana","event":"Order Completed","properties":{"total":80,"channel":"online"}}""", web));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"ana","event":"Order Completed","properties":{"total":20.5,"channel":"online"}}""", web));
        await server.PipelineCaughtUpAsync();
        await CreateAsync(server, "spain", "country = \"ES\"");
        await CreateAsync(server, "france", "country = \"FR\"");
        await AdminApi.EventuallyAsync(async () => (await server.SendAsync(AdminApi.Request(HttpMethod.Get, "/v1/segments/spain/members"))).Body.GetProperty("members").GetArrayLength() == 1);
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"ana","traits":{"country":"FR"}}""", web));
        await server.PipelineCaughtUpAsync();
        await AdminApi.EventuallyAsync(async () => (await server.SendAsync(AdminApi.Request(HttpMethod.Get, "/v1/segments/france/members"))).Body.GetProperty("members").GetArrayLength() == 1);
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (_, page, _) = await session.GetAsync("/profiles/1");

        var segments = page[page.IndexOf("aria-labelledby=\"segments\"", StringComparison.Ordinal)..page.IndexOf("aria-labelledby=\"merges\"", StringComparison.Ordinal)];
        segments.ShouldContain("<th scope=\"row\"><a href=\"/segments/france\">france</a></th><td>");
        segments.ShouldNotContain("<th scope=\"row\"><a href=\"/segments/spain\">");
        segments.ShouldContain("<span class=\"badge no\">left</span> <a href=\"/segments/spain\">spain</a>");
        segments.ShouldContain("<span class=\"badge yes\">entered</span> <a href=\"/segments/spain\">spain</a>");
        segments.ShouldContain("<span class=\"badge yes\">entered</span> <a href=\"/segments/france\">france</a>");

        page.ShouldContain("<tr data-computed=\"orders_90d\"><th scope=\"row\">orders_90d</th>");
        Computed(page, "orders_90d").ShouldContain("<td class=\"wrap\">2</td>");
        Computed(page, "orders_90d").ShouldContain("count · Order Completed · last 90 days");
        Computed(page, "lifetime_value").ShouldContain("<td class=\"wrap\">100.5</td>");
        Computed(page, "preferred_channel").ShouldContain("most_frequent channel · Order Completed, Store Purchase · all time");
        Computed(page, "nps_last_score").ShouldContain("(none)");

        (await session.PostFormAsync("/profiles/1", "/language", ("lang", "es"), ("returnUrl", "/profiles/1"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var spanish = (await session.GetAsync("/profiles/1")).Body;
        spanish.ShouldContain("Atributos calculados");
        spanish.ShouldContain("últimos 90 días");
        spanish.ShouldContain("salió");
    }

    [Fact]
    public async Task Segment_names_descriptions_and_member_values_with_script_are_shown_as_text()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"eve","traits":{"nickname":"<script>alert(1)</script>","vip":true}}""", web));
        await server.PipelineCaughtUpAsync();
        (await server.SendAsync(AdminApi.Request(HttpMethod.Post, "/v1/segments", """{"name":"<script>alert(2)</script>","expression":"vip = true","description":"<img src=x onerror=alert(3)>"}""")))
            .Status.ShouldBe(201);
        await server.PipelineCaughtUpAsync();
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();
        const string escapedName = "&lt;script&gt;alert(2)&lt;/script&gt;";

        var (_, list, _) = await session.GetAsync("/segments");
        var (segmentStatus, segment, _) = await session.GetAsync("/segments/" + Uri.EscapeDataString("<script>alert(2)</script>") + "?traits=nickname");
        var (_, edit, _) = await session.GetAsync("/segments/" + Uri.EscapeDataString("<script>alert(2)</script>") + "/edit");
        var (_, profile, _) = await session.GetAsync("/profiles/1");
        var (_, fragment, _) = await session.SubmitAsync("/segments/new", "/segments/check", ("expression", "nickname = \"<script>alert(4)</script>\" and <b>"));

        segmentStatus.ShouldBe(HttpStatusCode.OK);
        foreach (var html in new[] { list, segment, edit, profile, fragment })
        {
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=x");
            html.ShouldNotContain("<b>");
        }

        list.ShouldContain(escapedName);
        list.ShouldContain("&lt;img src=x onerror=alert(3)&gt;");
        list.ShouldContain("href=\"/segments/%3Cscript%3Ealert%282%29%3C%2Fscript%3E\"");
        segment.ShouldContain("<td class=\"wrap\">&lt;script&gt;alert(1)&lt;/script&gt;</td>");
        edit.ShouldContain("value=\"" + escapedName + "\"");
        profile.ShouldContain(">" + escapedName + "</a>");
        fragment.ShouldContain("&lt;script&gt;alert(4)&lt;/script&gt;");
    }

    private static string Computed(string page, string trait)
    {
        var start = page.IndexOf($"<tr data-computed=\"{trait}\">", StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static async Task CreateAsync(RunningServer server, string name, string expression)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { name, expression });
        var (status, answer) = await server.SendAsync(AdminApi.Request(HttpMethod.Post, "/v1/segments", body));
        status.ShouldBe(201, answer.ToString());
    }

    [GeneratedRegex("^.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
