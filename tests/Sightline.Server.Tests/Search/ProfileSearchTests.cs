using System.Net.Http.Headers;
using System.Text;
using Sightline.Core.Identity;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Server.Search;
using Sightline.Server.Tests.Dashboard;

namespace Sightline.Server.Tests.Search;

/// <summary>The search box: names with typos and without accents, phones in any format, any identifier, anonymous visitors by their ids; in step with merges and erasure.</summary>
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
        var finder = server.Service<ProfileFinder>();

        async Task<string?> FirstAsync(string query) => await FindAsync(finder, query) is [var hit, ..] ? hit.Hit.Name : null;

        (await FirstAsync("jose garcia")).ShouldBe("José García");
        (await FirstAsync("José García")).ShouldBe("José García");
        (await FirstAsync("jose garsia")).ShouldBe("José García");
        (await FirstAsync("garcia jose")).ShouldBe("José García");
        (await FirstAsync("jsoe")).ShouldBe("José García");
        (await FirstAsync("josefa")).ShouldBe("Josefa Garcés");
        (await FirstAsync("nunez")).ShouldBe("Ana Núñez");
        (await FirstAsync("ana nunes")).ShouldBe("Ana Núñez");
        (await FirstAsync("Ana Nuñez Ortega")).ShouldBe("Ana Núñez");
        (await FirstAsync("600 12 34 56")).ShouldBe("José García");
        (await FirstAsync("+34600123456")).ShouldBe("José García");
        (await FirstAsync("0034 600-123-456")).ShouldBe("José García");
        (await FirstAsync("(611) 222 333")).ShouldBe("Ana Núñez");
        (await FirstAsync("JOSE.GARCIA@correo.es")).ShouldBe("José García");
        (await FirstAsync("u-josefa")).ShouldBe("Josefa Garcés");
        (await FirstAsync("user_id:u-ana")).ShouldBe("Ana Núñez");
        (await FindAsync(finder, "jose garcia"))[0].ShouldSatisfyAllConditions(
            found => found.Hit.Email.ShouldBe("jose.garcia@correo.es"),
            found => found.Hit.Phone.ShouldBe("+34600123456"),
            found => found.Hit.City.ShouldBe("Murcia"),
            found => found.Identifiers.ShouldBe(3));
        (await FindAsync(finder, "zzzz qqqq")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Anonymous_visitors_stay_out_of_the_index_and_are_found_by_their_exact_ids_and_number()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        var page = """{"anonymousId":"ajs-7f3c","name":"Home","context":{"device":{"id":"dev-9"}}}""";
        (await server.SendAsync(RunningServer.Post("/v1/page", page, web))).Status.ShouldBe(200);
        await AnonymousAsync(server, web, "ajs-a1", """{"firstName":"Lucía","email":"lucia@correo.es"}""");
        await server.PipelineCaughtUpAsync();
        await DashboardPagesTests.SearchCaughtUpAsync(server);
        var finder = server.Service<ProfileFinder>();

        // Only the person with a name is in the index; the visitor is found by any of its ids, typed or not.
        server.Service<ProfileSearch>().Count.ShouldBe(1);
        var visitor = (await FindAsync(finder, "ajs-7f3c")).ShouldHaveSingleItem();
        visitor.Hit.Name.ShouldBeNull();
        visitor.Identifiers.ShouldBe(2);
        (await FindAsync(finder, "device_id:dev-9")).ShouldHaveSingleItem().Hit.Profile.ShouldBe(visitor.Hit.Profile);
        (await FindAsync(finder, visitor.Hit.Profile.ToString())).ShouldHaveSingleItem().Hit.Profile.ShouldBe(visitor.Hit.Profile);
        (await FindAsync(finder, "ajs-7f")).ShouldBeEmpty();

        // Signing in on another device joins the person; the new device's anonymous id finds them from the store.
        var track = """{"anonymousId":"ajs-a2","userId":"u-lucia","event":"Signed In"}""";
        (await server.SendAsync(RunningServer.Post("/v1/track", track, web))).Status.ShouldBe(200);
        (await server.SendAsync(RunningServer.Post("/v1/alias", """{"previousId":"ajs-a1","userId":"u-lucia"}""", web))).Status.ShouldBe(200);
        await server.PipelineCaughtUpAsync();
        var lucia = (await FindAsync(finder, "ajs-a2")).ShouldHaveSingleItem();
        lucia.Hit.Name.ShouldBe("Lucía");
        lucia.Identifiers.ShouldBe(4);
        (await FindAsync(finder, "lucia"))[0].Hit.Profile.ShouldBe(lucia.Hit.Profile);
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
        var finder = server.Service<ProfileFinder>();
        var before = search.Search("marta ibanez").Select(h => h.Profile.Value).Order().ToList();
        before.Count.ShouldBe(2);

        // The e-mail joins the second profile to the first: one person, one result, found by either identifier.
        await AnonymousAsync(server, crm, "a-2", """{"email":"marta@correo.es"}""");
        await server.PipelineCaughtUpAsync();
        await EventuallyAsync(() => search.Search("marta ibanez").Count == 1);
        search.Search("622333444").Single().Profile.ShouldBe(search.Search("marta@correo.es").Single().Profile);
        (await FindAsync(finder, "a-2")).Single().Hit.Profile.Value.ShouldBe(before[0]);
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
        (await FindAsync(finder, "a-1")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Shows_the_surviving_name_after_renames_and_after_a_trusted_source_confirms_a_value()
    {
        await using var server = await RunningServer.StartAsync();
        var crm = (await server.Service<ISourceCatalog>().AddAsync(NewSource.Create("crm", null, 95, null).Source!, CancellationToken.None)).Source!.WriteKey;
        var web = (await server.Service<ISourceCatalog>().AddAsync(NewSource.Create("web", null, 10, null).Source!, CancellationToken.None)).Source!.WriteKey;
        var finder = server.Service<ProfileFinder>();
        async Task<string?> ShownAsync()
        {
            await server.PipelineCaughtUpAsync();
            await DashboardPagesTests.SearchCaughtUpAsync(server);
            return await FindAsync(finder, "u-rosa") is [var found] ? found.Hit.Name : null;
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

    [Fact]
    public void An_entry_sent_again_unchanged_is_not_rewritten_and_a_profile_without_one_is_not_dropped()
    {
        using var search = new ProfileSearch(new IdentifierNormalizer());
        var ana = new SearchDocument(new ProfileId(1), "Ana Núñez", ["Ana", "Núñez"], ["ana@shop.es"], [], "Murcia", null);
        search.Replace([ana, new SearchDocument(new ProfileId(2), null, [], [], [], null, null)]);

        // Equal content in new lists, as every pass reads it afresh from the store.
        search.Update([ana with { Names = ["Ana", "Núñez"], Emails = ["ana@shop.es"] }], []).ShouldBe(0);
        search.Update([], [new ProfileId(2), new ProfileId(3)]).ShouldBe(0);
        search.Update([ana with { City = "Lorca" }], []).ShouldBe(1);
        search.Find(new ProfileId(1))!.City.ShouldBe("Lorca");
        // The same letters split otherwise are another entry.
        search.Update([ana with { City = "Lorca", Names = ["Ana Núñez"] }], []).ShouldBe(1);
        search.Update([ana with { Names = [], Emails = [] }], []).ShouldBe(1);
        search.Find(new ProfileId(1)).ShouldBeNull();
        search.Update([ana], []).ShouldBe(1);
        search.Update([], [new ProfileId(1)]).ShouldBe(1);
        search.Count.ShouldBe(0);
    }

    private static Task<IReadOnlyList<SearchResult>> FindAsync(ProfileFinder finder, string text) => finder.FindAsync(text, 20, CancellationToken.None);

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
