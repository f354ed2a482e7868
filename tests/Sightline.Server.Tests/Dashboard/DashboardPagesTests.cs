using System.Net;
using Sightline.Server.Search;

namespace Sightline.Server.Tests.Dashboard;

/// <summary>What the pages show: values as text, never as markup; the language chosen; the customer view's sections.</summary>
public sealed class DashboardPagesTests
{
    [Fact]
    public async Task Trait_values_with_html_and_script_are_shown_as_text()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var web = await server.AddSourceAsync("web");
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b>";
        var traits = System.Text.Json.JsonSerializer.Serialize(new { firstName = "Eve<script>alert(2)</script>", lastName = "Hacker", nickname = hostile });
        await server.SendAsync(RunningServer.Post("/v1/identify", "{\"userId\":\"xss-1\",\"traits\":" + traits + "}", web));
        await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"xss-1","event":"<svg onload=alert(3)>","properties":{"note":"</pre><script>alert(4)</script>"}}""", web));
        await server.PipelineCaughtUpAsync();
        await SearchCaughtUpAsync(server);
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (_, results, _) = await session.GetAsync("/search?q=hacker");
        var profile = System.Text.RegularExpressions.Regex.Match(results, "href=\"/profiles/(\\d+)\"").Groups[1].Value;
        var (status, page, _) = await session.GetAsync($"/profiles/{profile}");

        status.ShouldBe(HttpStatusCode.OK);
        foreach (var html in new[] { results, page })
        {
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=x");
            html.ShouldNotContain("<b>bold");
            html.ShouldNotContain("<svg");
            html.ShouldContain("Eve&lt;script&gt;alert(2)&lt;/script&gt;");
        }

        page.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;");
        page.ShouldContain("&lt;svg onload=alert(3)&gt;");
        page.ShouldContain("&lt;/pre&gt;&lt;script&gt;alert(4)&lt;/script&gt;");
    }

    [Fact]
    public async Task The_customer_view_shows_identities_traits_with_provenance_consents_and_a_filtered_paged_timeline()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var crm = await server.AddSourceAsync("crm");
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","traits":{"firstName":"Lucía","lastName":"Pérez","email":"lucia@shop.es","city":"Sevilla"},"context":{"consent":{"categoryPreferences":{"email_marketing":true}}}}""", crm));
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","traits":{"city":"Cádiz"}}""", web));
        for (var i = 0; i < 30; i++)
        {
            await server.SendAsync(RunningServer.Post("/v1/track", $$"""{"userId":"u1","event":"Viewed {{i}}","messageId":"m{{i}}"}""", web));
        }

        await server.PipelineCaughtUpAsync();
        using var session = new DashboardSession(server.Address);
        await session.SignInAsync();

        var (_, page, _) = await session.GetAsync("/profiles/1");

        page.ShouldContain("Lucía Pérez");
        page.ShouldContain("lucia@shop.es");
        page.ShouldContain("email_marketing");
        page.ShouldContain("data-trait=\"city\"");
        page.ShouldContain("History (2)");
        page.ShouldContain("Viewed 29");
        page.ShouldNotContain("Viewed 4<");
        page.ShouldContain("rel=\"next\"");

        var (_, older, _) = await session.GetAsync(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]+)\" rel=\"next\"").Groups[1].Value));
        older.ShouldContain("Viewed 4<");

        var (_, identifies, _) = await session.GetAsync("/profiles/1?type=identify&source=crm");
        identifies.ShouldNotContain("Viewed", Case.Sensitive);
        identifies.ShouldContain("firstName, lastName, email, city");

        // Spanish, chosen on the page, stays chosen; a browser asking for Spanish gets it at once.
        (await session.PostFormAsync("/profiles/1", "/language", ("lang", "es"), ("returnUrl", "/profiles/1"))).Location.ShouldBe("/profiles/1");
        (await session.GetAsync("/profiles/1")).Body.ShouldContain("Cronología");
        using var spanish = new DashboardSession(server.Address);
        spanish.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES,es;q=0.9,en;q=0.5");
        (await spanish.GetAsync("/signin")).Body.ShouldContain("<html lang=\"es\"");
    }

    internal static async Task SearchCaughtUpAsync(RunningServer server)
    {
        var indexer = server.Service<ProfileIndexer>();
        for (var attempt = 0; !indexer.CaughtUp; attempt++)
        {
            attempt.ShouldBeLessThan(200, "the search index did not catch up in 10 s");
            await Task.Delay(50);
        }
    }
}
