using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sightline.Server.Tests.Matching;

public sealed class ProbabilisticMatchingTests
{
    private const string OnlineCustomer = """
        {"userId":"u-1","messageId":"w1","traits":{"firstName":"Francisco","lastName":"García López","email":"paco.garcia@shop.es","birthday":"1980-04-12",
         "address":{"street":"Calle Mayor 5","city":"Madrid","postalCode":"28013"}}}
        """;

    // A loyalty sign-up form: a nickname, one surname, another date format, the address written differently, no shared identifier.
    private const string LoyaltyForm = """
        {"anonymousId":"form-9","messageId":"l1","context":{"externalIds":[{"id":"L-77","type":"loyalty_card","collection":"users","encoding":"none"}]},
         "traits":{"name":"Paco García","birthday":"12/04/1980","address":{"street":"C/ Mayor, 5","city":"MADRID","postalCode":"28013"}}}
        """;

    private static async Task<JsonElement> CallAsync(RunningServer server, HttpMethod method, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string> IdOfAsync(RunningServer server, string key) =>
        (await CallAsync(server, HttpMethod.Get, $"/v1/profiles/{key}")).GetProperty("id").GetString()!;

    private static async Task SendAsync(RunningServer server, string writeKey, string message) =>
        (await server.SendAsync(RunningServer.Post("/v1/identify", message, writeKey))).Status.ShouldBe(200);

    [Fact]
    public async Task A_loyalty_form_with_no_shared_identifier_joins_the_online_customer_with_its_evidence()
    {
        await using var server = await RunningServer.StartAsync();
        await SendAsync(server, await server.AddSourceAsync("web"), OnlineCustomer);
        await SendAsync(server, await server.AddSourceAsync("loyalty"), LoyaltyForm);
        await server.PipelineCaughtUpAsync();

        var customer = await IdOfAsync(server, "user_id:u-1");
        (await IdOfAsync(server, "loyalty_card:L-77")).ShouldBe(customer);
        var merge = (await CallAsync(server, HttpMethod.Get, $"/v1/profiles/{customer}/merges")).EnumerateArray().ShouldHaveSingleItem();
        merge.GetProperty("kind").GetString().ShouldBe("merged");
        merge.GetProperty("via").GetString().ShouldBe("match:probabilistic");
        var evidence = merge.GetProperty("evidence");
        evidence.GetProperty("probability").GetDouble().ShouldBeGreaterThanOrEqualTo(0.99);
        var fields = evidence.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("level").GetString());
        fields["given_name"].ShouldBe("nickname_or_shared_name");
        fields["birth_date"].ShouldBe("exact");
        fields["email"].ShouldBe("null");
    }

    [Fact]
    public async Task A_family_sharing_a_landline_and_an_address_stays_two_people_with_nothing_to_review()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("crm");
        await SendAsync(server, key, """
            {"anonymousId":"crm-1","traits":{"firstName":"Ana","lastName":"Ruiz Gómez","birthday":"1975-03-02","phone":"+34 915 555 123","address":{"street":"Calle Toledo 40","city":"Madrid","postalCode":"28005"}}}
            """);
        await SendAsync(server, key, """
            {"anonymousId":"crm-2","traits":{"firstName":"Luis","lastName":"Ruiz Gómez","birthday":"2001-10-19","phone":"915555123","address":{"street":"C. Toledo 40","city":"Madrid","postalCode":"28005"}}}
            """);
        await server.PipelineCaughtUpAsync();

        (await IdOfAsync(server, "anonymous_id:crm-1")).ShouldNotBe(await IdOfAsync(server, "anonymous_id:crm-2"));
        (await CallAsync(server, HttpMethod.Get, "/v1/merge-suggestions")).GetProperty("suggestions").GetArrayLength().ShouldBe(0);
    }

    // libphonenumber cannot tell a US or Mexican landline from a mobile, so the fixed-line rule does not apply there:
    // the names the records carry do. The same person on the same number still joins.
    [Fact]
    public async Task A_us_household_number_joins_neither_the_mother_nor_the_son_to_the_other_but_the_same_person_joins()
    {
        await using var server = await RunningServer.StartAsync();
        var crm = await server.AddSourceAsync("crm");
        var loyalty = await server.AddSourceAsync("loyalty");
        await SendAsync(server, crm, """
            {"anonymousId":"crm-1","traits":{"firstName":"Mary","lastName":"Johnson","phone":"+1 212 555 0142","email":"mary.johnson@outlook.com"}}
            """);
        await SendAsync(server, loyalty, """
            {"anonymousId":"card-1","traits":{"name":"Kevin Johnson","phone":"+1 (212) 555-0142"}}
            """);
        await SendAsync(server, loyalty, """
            {"anonymousId":"card-2","traits":{"name":"MARY JOHNSON","phone":"001 212-555-0142"}}
            """);
        await server.PipelineCaughtUpAsync();

        var mary = await IdOfAsync(server, "email:mary.johnson@outlook.com");
        (await IdOfAsync(server, "anonymous_id:card-1")).ShouldNotBe(mary);
        (await IdOfAsync(server, "anonymous_id:card-2")).ShouldBe(mary);
        var merges = await CallAsync(server, HttpMethod.Get, $"/v1/profiles/{mary}/merges");
        merges.EnumerateArray().ShouldContain(m => m.GetProperty("kind").GetString() == "blocked" && m.GetProperty("reason").GetString()!.Contains("shared by people with different given names"), merges.ToString());
    }

    [Fact]
    public async Task An_approved_suggestion_merges_with_its_evidence_and_can_be_unmerged()
    {
        // Every match goes to review: this test is about the queue, not the threshold.
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:AutoMergeThreshold"] = "1" });
        await SendAsync(server, await server.AddSourceAsync("web"), OnlineCustomer);
        await SendAsync(server, await server.AddSourceAsync("loyalty"), LoyaltyForm);
        await server.PipelineCaughtUpAsync();
        var customer = await IdOfAsync(server, "user_id:u-1");
        var form = await IdOfAsync(server, "loyalty_card:L-77");
        form.ShouldNotBe(customer);

        var suggestion = (await CallAsync(server, HttpMethod.Get, "/v1/merge-suggestions")).GetProperty("suggestions").EnumerateArray().ShouldHaveSingleItem();
        new[] { suggestion.GetProperty("profile").GetString(), suggestion.GetProperty("other").GetString() }.ShouldBe([form, customer], ignoreOrder: true);
        suggestion.GetProperty("status").GetString().ShouldBe("pending");
        suggestion.GetProperty("fields").EnumerateArray().ShouldContain(f => f.GetProperty("field").GetString() == "given_name");
        var id = suggestion.GetProperty("id").GetInt64();

        (await CallAsync(server, HttpMethod.Post, $"/v1/merge-suggestions/{id}/approve", HttpStatusCode.Accepted)).GetProperty("status").GetString().ShouldBe("approved");
        await WaitUntilAsync(async () => await IdOfAsync(server, "loyalty_card:L-77") == customer);
        var merge = (await CallAsync(server, HttpMethod.Get, $"/v1/profiles/{customer}/merges")).EnumerateArray().ShouldHaveSingleItem();
        merge.GetProperty("via").GetString().ShouldBe("match:approved");
        merge.GetProperty("evidence").GetProperty("fields").GetArrayLength().ShouldBeGreaterThan(0);
        (await CallAsync(server, HttpMethod.Get, "/v1/merge-suggestions")).GetProperty("suggestions").GetArrayLength().ShouldBe(0);
        await CallAsync(server, HttpMethod.Post, $"/v1/merge-suggestions/{id}/approve", HttpStatusCode.Conflict);

        using var unmerge = new HttpRequestMessage(HttpMethod.Post, $"/v1/profiles/{customer}/unmerge") { Content = System.Net.Http.Json.JsonContent.Create(new { profile = form }) };
        unmerge.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        (await server.Http.SendAsync(unmerge)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitUntilAsync(async () => await IdOfAsync(server, "loyalty_card:L-77") == form);
        (await IdOfAsync(server, "user_id:u-1")).ShouldBe(customer);
    }

    [Fact]
    public async Task A_rejected_suggestion_is_never_suggested_or_merged_again()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:AutoMergeThreshold"] = "1" });
        var loyalty = await server.AddSourceAsync("loyalty");
        await SendAsync(server, await server.AddSourceAsync("web"), OnlineCustomer);
        await SendAsync(server, loyalty, LoyaltyForm);
        await server.PipelineCaughtUpAsync();
        var id = (await CallAsync(server, HttpMethod.Get, "/v1/merge-suggestions")).GetProperty("suggestions")[0].GetProperty("id").GetInt64();

        (await CallAsync(server, HttpMethod.Post, $"/v1/merge-suggestions/{id}/reject")).GetProperty("status").GetString().ShouldBe("rejected");
        await SendAsync(server, loyalty, LoyaltyForm.Replace("\"l1\"", "\"l2\"", StringComparison.Ordinal).Replace("MADRID", "Madrid", StringComparison.Ordinal));
        await server.PipelineCaughtUpAsync();

        (await CallAsync(server, HttpMethod.Get, "/v1/merge-suggestions")).GetProperty("suggestions").GetArrayLength().ShouldBe(0);
        (await CallAsync(server, HttpMethod.Get, "/v1/merge-suggestions?status=rejected")).GetProperty("suggestions").GetArrayLength().ShouldBe(1);
        (await IdOfAsync(server, "loyalty_card:L-77")).ShouldNotBe(await IdOfAsync(server, "user_id:u-1"));
    }

    [Fact]
    public async Task Unknown_suggestions_and_statuses_are_clear_errors()
    {
        await using var server = await RunningServer.StartAsync();

        (await CallAsync(server, HttpMethod.Post, "/v1/merge-suggestions/999/approve", HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("999");
        (await CallAsync(server, HttpMethod.Get, "/v1/merge-suggestions?status=maybe", HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("status");
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/v1/merge-suggestions");
        (await server.Http.SendAsync(anonymous)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Shouldly.ShouldAssertException)
            {
                // A profile may answer 404 for a moment while the log is resolved again.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the condition did not hold within 10 s");
    }
}
