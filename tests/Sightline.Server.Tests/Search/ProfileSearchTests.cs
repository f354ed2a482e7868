using System.Net.Http.Headers;
using System.Text;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Server.Search;
using Sightline.Server.Tests.Dashboard;

namespace Sightline.Server.Tests.Search;

/// <summary>The search box: names with typos and without accents, phones in any format, any identifier; in step with merges and erasure.</summary>
public sealed class ProfileSearchTests
{
    [Fact]
    public async Task Finds_people_by_name_with_typos_and_without_accents_by_phone_in_any_format_and_by_any_identifier()
    {
        await using var server = await RunningServer.StartAsync();
        var crm = await server.AddSourceAsync("crm");
        await IdentifyAsync(server, crm, "u-jose", """{"firstName":"José","lastName":"García","email":"Jose.Garcia@Correo.es","phone":"+34 600 123 456","city":"Murcia"}""");
        await IdentifyAsync(server, crm, "u-josefa", """{"firstName":"Josefa","lastName":"Garcés","email":"josefa@correo.es"}""");
        await IdentifyAsync(server, crm, "u-ana", """{"firstName":"Ana","lastName":"Núñez","email":"ana.nunez@shop.es","phone":"+34 611 222 333"}""");
        await server.PipelineCaughtUpAsync();
        await DashboardPagesTests.SearchCaughtUpAsync(server);
        var search = server.Service<ProfileSearch>();

        string? First(string query) => search.Search(query) is [var hit, ..] ? hit.Name : null;

        First("jose garcia").ShouldBe("José García");
        First("José García").ShouldBe("José García");
        First("jose garsia").ShouldBe("José García");
        First("garcia jose").ShouldBe("José García");
        First("jsoe").ShouldBe("José García");
        First("josefa").ShouldBe("Josefa Garcés");
        First("nunez").ShouldBe("Ana Núñez");
        First("ana nunes").ShouldBe("Ana Núñez");
        First("Ana Nuñez Ortega").ShouldBe("Ana Núñez");
        First("600 12 34 56").ShouldBe("José García");
        First("+34600123456").ShouldBe("José García");
        First("0034 600-123-456").ShouldBe("José García");
        First("(611) 222 333").ShouldBe("Ana Núñez");
        First("JOSE.GARCIA@correo.es").ShouldBe("José García");
        First("u-josefa").ShouldBe("Josefa Garcés");
        First("user_id:u-ana").ShouldBe("Ana Núñez");
        search.Search("jose garcia")[0].ShouldSatisfyAllConditions(
            hit => hit.Email.ShouldBe("jose.garcia@correo.es"),
            hit => hit.Phone.ShouldBe("+34600123456"),
            hit => hit.City.ShouldBe("Murcia"));
        search.Search("zzzz qqqq").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_merged_away_profile_leaves_the_results_and_an_erased_person_vanishes()
    {
        await using var server = await RunningServer.StartAsync(DashboardSession.Settings);
        var crm = await server.AddSourceAsync("crm");
        await AnonymousAsync(server, crm, "a-1", """{"firstName":"Marta","lastName":"Ibáñez","email":"marta@correo.es"}""");
        await AnonymousAsync(server, crm, "a-2", """{"firstName":"Marta","lastName":"Ibáñez","phone":"+34 622 333 444"}""");
        await server.PipelineCaughtUpAsync();
        await DashboardPagesTests.SearchCaughtUpAsync(server);
        var search = server.Service<ProfileSearch>();
        var before = search.Search("marta ibanez").Select(h => h.Profile.Value).Order().ToList();
        before.Count.ShouldBe(2);

        // The e-mail joins the second profile to the first: one person, one result, found by either identifier.
        await AnonymousAsync(server, crm, "a-2", """{"email":"marta@correo.es"}""");
        await server.PipelineCaughtUpAsync();
        await EventuallyAsync(() => search.Search("marta ibanez").Count == 1);
        search.Search("622333444").Single().Profile.ShouldBe(search.Search("marta@correo.es").Single().Profile);
        // The newer profile merged into the older: its page now shows the older one.
        using (var session = new DashboardSession(server.Address))
        {
            await session.SignInAsync();
            (await session.GetAsync($"/profiles/{before[1]}")).Location.ShouldNotBeNull().ShouldEndWith($"/profiles/{before[0]}");
        }

        using var erase = new HttpRequestMessage(HttpMethod.Post, "/v1/privacy/requests")
        {
            Content = new StringContent("""{"type":"erase","identifier":"email:marta@correo.es","reason":"test"}""", Encoding.UTF8, "application/json"),
        };
        erase.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        (await server.SendAsync(erase)).Status.ShouldBe(200);

        await EventuallyAsync(() => search.Search("marta ibanez").Count == 0);
        search.Search("622333444").ShouldBeEmpty();
        search.Search("marta@correo.es").ShouldBeEmpty();
    }

    [Fact]
    public async Task Shows_the_surviving_name_after_renames_and_after_a_trusted_source_confirms_a_value()
    {
        await using var server = await RunningServer.StartAsync();
        var crm = (await server.Service<ISourceCatalog>().AddAsync(NewSource.Create("crm", null, 95, null).Source!, CancellationToken.None)).Source!.WriteKey;
        var web = (await server.Service<ISourceCatalog>().AddAsync(NewSource.Create("web", null, 10, null).Source!, CancellationToken.None)).Source!.WriteKey;
        var search = server.Service<ProfileSearch>();
        async Task<string?> ShownAsync()
        {
            await server.PipelineCaughtUpAsync();
            await DashboardPagesTests.SearchCaughtUpAsync(server);
            return search.Search("u-rosa") is [var hit] ? hit.Name : null;
        }

        await IdentifyAsync(server, crm, "u-rosa", """{"firstName":"Rosa","lastName":"Vidal"}""");
        (await ShownAsync()).ShouldBe("Rosa Vidal");
        // Events without person data leave the entry as it was.
        (await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u-rosa","event":"Order Completed","properties":{"total":20}}""", web))).Status.ShouldBe(200);
        (await ShownAsync()).ShouldBe("Rosa Vidal");
        // The less trusted source's spelling does not win, though it is the latest...
        await IdentifyAsync(server, web, "u-rosa", """{"firstName":"Rosi"}""");
        (await ShownAsync()).ShouldBe("Rosa Vidal");
        // ...until the trusted source sends the same value: nothing new to compare, but a new survivor to show.
        await IdentifyAsync(server, crm, "u-rosa", """{"firstName":"Rosi"}""");
        (await ShownAsync()).ShouldBe("Rosi Vidal");
        await IdentifyAsync(server, crm, "u-rosa", """{"firstName":"Rosa María"}""");
        (await ShownAsync()).ShouldBe("Rosa María Vidal");
    }

    private static async Task IdentifyAsync(RunningServer server, string writeKey, string userId, string traits) =>
        (await server.SendAsync(RunningServer.Post("/v1/identify", $$"""{"userId":"{{userId}}","traits":{{traits}}}""", writeKey))).Status.ShouldBe(200);

    private static async Task AnonymousAsync(RunningServer server, string writeKey, string anonymousId, string traits) =>
        (await server.SendAsync(RunningServer.Post("/v1/identify", $$"""{"anonymousId":"{{anonymousId}}","traits":{{traits}}}""", writeKey))).Status.ShouldBe(200);

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            attempt.ShouldBeLessThan(200, "not within 10 s");
            await Task.Delay(50);
        }
    }
}
