using System.Net.Http.Headers;
using System.Text;

namespace Sightline.Server.Tests.Privacy;

/// <summary>
/// A person sent through every path (CRM import, quarantined row, live events, a rejected message, consent through the
/// API), then erased by a secondary identifier: nothing of them is left in any database file, what carries their
/// identifiers later is dropped, and the person beside them is untouched.
/// </summary>
public sealed class ErasureTests
{
    // Distinctive values, so a match anywhere in the files can only be this person.
    private static readonly string[] Values =
    [
        "anabelina.zq@correo-unico.es", "+34699876543", "699 87 65 43", "Anabelina", "Zubizarreta", "Quintanilla", "Calle Inventada 4242", "Villaerasa",
        "C-ANA-9", "u-anabelina", "anon-anabelina-1", "1985-03-14", "14/03/1985", "28999",
    ];

    private const string Crm = """
        Contact ID,First Name,Last Name,Email,Phone Number,Date of Birth,Street Address,City,Postal Code,Country,Company Name,Lifecycle Stage,Email Opt-In,Last Modified Date
        C-ANA-9,Anabelina,Zubizarreta Quintanilla,Anabelina.ZQ@correo-unico.es,699 87 65 43,14/03/1985,Calle Inventada 4242,Villaerasa,28999,España,,customer,yes,02/11/2026 10:15
        C-ROB-1,Roberto,Pérez Gil,roberto.pg@correo.es,611 00 00 01,02/07/1979,Avenida Real 5,Sevilla,41001,ES,,lead,no,15/10/2026 09:00
        ,Anabelina,Zubizarreta,anabelina.zq@correo-unico.es,,,,,,,,,,
        """;

    [Fact]
    public async Task Erasing_by_phone_removes_every_trace_from_the_files_and_suppresses_the_person()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        var (imported, summary) = await server.SendAsync(Upload("/v1/import/crm?mapping=preset:crm-contacts&file=contacts.csv", Crm));
        imported.ShouldBe(200, summary.ToString());
        summary.GetProperty("quarantined").GetInt64().ShouldBe(1);
        var (sent, _) = await server.SendAsync(RunningServer.Post("/v1/batch", """
            {"batch":[
              {"type":"page","anonymousId":"anon-anabelina-1","name":"Home","timestamp":"2026-11-01T10:00:00Z","messageId":"w1"},
              {"type":"identify","anonymousId":"anon-anabelina-1","userId":"u-anabelina","traits":{"email":"anabelina.zq@correo-unico.es","phone":"+34 699 87 65 43","firstName":"Anabelina"},"timestamp":"2026-11-01T10:01:00Z","messageId":"w2"},
              {"type":"track","userId":"u-anabelina","event":"Order Completed","properties":{"total":42,"shipping":"Calle Inventada 4242"},"timestamp":"2026-11-01T10:05:00Z","messageId":"w3"},
              {"type":"track","userId":"u-roberto","event":"Order Completed","properties":{"total":10},"traits":{"email":"roberto.pg@correo.es"},"timestamp":"2026-11-01T11:00:00Z","messageId":"w4"},
              {"type":"identify","userId":"u-anabelina","traits":{"email":"anabelina.zq@correo-unico.es"},"timestamp":"yesterday","messageId":"w5"}
            ]}
            """, web));
        sent.ShouldBe(400);
        await server.PipelineCaughtUpAsync();
        var (consent, _) = await server.SendAsync(Admin(HttpMethod.Put, "/v1/profiles/user_id:u-anabelina/consent", """{"purposes":{"advertising":false}}"""));
        consent.ShouldBe(202);
        await server.PipelineCaughtUpAsync();
        var roberto = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/email:roberto.pg@correo.es/events"));

        var (accessStatus, access) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/privacy/requests", """{"type":"access","identifier":"crm_id:C-ANA-9","reason":"ticket 5521"}"""));
        var (eraseStatus, erased) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/privacy/requests", """{"type":"erase","identifier":"phone:+34 699 87 65 43","reason":"ticket 5522"}"""));

        accessStatus.ShouldBe(200, access.ToString());
        var report = access.GetProperty("report");
        report.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("type").GetString()).ShouldBe(
            ["anonymous_id", "crm_id", "email", "phone", "user_id"], ignoreOrder: true);
        report.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("source").GetString()).Distinct().ShouldBe(["crm", "web", "sightline"], ignoreOrder: true);
        report.GetProperty("possiblyAlsoTheirs").GetArrayLength().ShouldBe(0);
        report.GetProperty("quarantine").GetArrayLength().ShouldBe(2, "the row without a contact id and the message with a bad timestamp");
        report.GetProperty("consents").EnumerateArray().ShouldContain(c => c.GetProperty("purpose").GetString() == "advertising" && !c.GetProperty("granted").GetBoolean());
        report.GetProperty("traits").EnumerateArray().ShouldContain(t => t.GetProperty("name").GetString() == "lastName" && t.GetProperty("source").GetString() == "crm");

        eraseStatus.ShouldBe(200, erased.ToString());
        var request = erased.GetProperty("request");
        request.GetProperty("status").GetString().ShouldBe("completed");
        request.GetProperty("identifierType").GetString().ShouldBe("phone");
        var counts = request.GetProperty("counts");
        counts.GetProperty("events").GetInt64().ShouldBe(5, "the CRM row, three web events and the consent change");
        counts.GetProperty("identifiers_suppressed").GetInt64().ShouldBe(5);
        counts.GetProperty("quarantine").GetInt64().ShouldBe(2);

        // Nothing of the person in any byte of any database file.
        foreach (var file in Directory.GetFiles(server.Data))
        {
            var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).ToLowerInvariant();
            foreach (var value in Values)
            {
                bytes.Contains(value.ToLowerInvariant(), StringComparison.Ordinal).ShouldBeFalse($"{Path.GetFileName(file)} still holds {value}");
            }
        }

        (await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/user_id:u-anabelina"))).Status.ShouldBe(404);
        (await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/email:roberto.pg@correo.es/events"))).Body.ToString().ShouldBe(roberto.Body.ToString());

        // Later events and imports carrying any of the person's identifiers are dropped and counted, not written.
        var (again, _) = await server.SendAsync(RunningServer.Post("/v1/track", """{"anonymousId":"anon-new","event":"Viewed","traits":{"email":"ANABELINA.ZQ@correo-unico.es"},"messageId":"w9"}""", web));
        again.ShouldBe(200);
        var (reimported, resummary) = await server.SendAsync(Upload("/v1/import/crm", Crm));
        reimported.ShouldBe(200, resummary.ToString());
        (resummary.GetProperty("suppressed").GetInt64(), resummary.GetProperty("unchanged").GetInt64(), resummary.GetProperty("quarantined").GetInt64()).ShouldBe((2, 1, 0));
        await server.PipelineCaughtUpAsync();
        (await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/email:anabelina.zq@correo-unico.es"))).Status.ShouldBe(404);
        (await server.LogAsync()).ShouldNotContain(e => Encoding.UTF8.GetString(e.Json.ToArray()).Contains("anabelina", StringComparison.OrdinalIgnoreCase));
        var (_, suppressed) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/privacy/suppressed"));
        suppressed.GetProperty("identifiers").GetInt32().ShouldBe(5);
        suppressed.GetProperty("droppedBySource").GetProperty("web").GetInt64().ShouldBe(1);
        suppressed.GetProperty("droppedBySource").GetProperty("crm").GetInt64().ShouldBe(2);

        // The requests are on record, naming the person by identifier type only, with who asked and why.
        var (_, requests) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/privacy/requests"));
        requests.EnumerateArray().Select(r => (r.GetProperty("type").GetString(), r.GetProperty("identifierType").GetString(), r.GetProperty("reason").GetString()))
            .ShouldBe([("erase", "phone", "ticket 5522"), ("access", "crm_id", "ticket 5521")]);
        // The phone's digits, not just "699": a request's millisecond timestamps may hold those three.
        requests.ToString().ShouldNotContain("699876543");
        requests.ToString().ShouldNotContain("699 87");
    }

    [Fact]
    public async Task Requests_name_the_field_at_fault_and_an_unknown_person_is_recorded_as_not_found()
    {
        await using var server = await RunningServer.StartAsync();
        var cases = new (string Body, string Field)[]
        {
            ("""{"identifier":"email:a@b.es"}""", "type"),
            ("""{"type":"forget","identifier":"email:a@b.es"}""", "type"),
            ("""{"type":"erase","identifier":"ana"}""", "identifier"),
            ("""{"type":"erase","identifier":"email:not-an-address"}""", "identifier"),
            ("""{"type":"rectify","identifier":"email:a@b.es","value":"x"}""", "trait"),
            ("""{"type":"rectify","identifier":"email:a@b.es","trait":"lastName"}""", "value"),
            ("""{"type":"object","identifier":"email:a@b.es","purposes":["spam"]}""", "purposes"),
        };
        foreach (var (body, field) in cases)
        {
            var (status, problem) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/privacy/requests", body));
            status.ShouldBe(400, body);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{body} → {problem}");
        }

        var (found, answer) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/privacy/requests", """{"type":"erase","identifier":"email:nobody@nowhere.es"}"""));
        found.ShouldBe(200);
        answer.GetProperty("request").GetProperty("status").GetString().ShouldBe("not_found");
    }

    [Fact]
    public async Task Rectification_and_objection_become_new_facts_from_the_person_with_provenance()
    {
        await using var server = await RunningServer.StartAsync();
        var web = await server.AddSourceAsync("web");
        await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u7","traits":{"email":"eva@shop.es","lastName":"Garcya"},"context":{"consent":{"categoryPreferences":{"email_marketing":true}}}}""", web));
        await server.PipelineCaughtUpAsync();

        var (rectified, rectification) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/privacy/requests", """{"type":"rectify","identifier":"email:eva@shop.es","trait":"lastName","value":"García"}"""));
        var (objected, _) = await server.SendAsync(Admin(HttpMethod.Post, "/v1/privacy/requests", """{"type":"object","identifier":"user_id:u7","purposes":["email_marketing"]}"""));
        await server.PipelineCaughtUpAsync();

        rectified.ShouldBe(200, rectification.ToString());
        objected.ShouldBe(200);
        var (_, traits) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/user_id:u7/traits?history=true"));
        var lastName = traits.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "lastName");
        (lastName.GetProperty("value").GetString(), lastName.GetProperty("source").GetString()).ShouldBe(("García", "sightline"));
        var (_, consent) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/user_id:u7/consent"));
        var email = consent.GetProperty("purposes").GetProperty("email_marketing");
        (email.GetProperty("granted").GetBoolean(), email.GetProperty("source").GetString()).ShouldBe((false, "sightline"));
        email.GetProperty("evidence").GetString()!.ShouldStartWith("privacy request ");
    }

    private static HttpRequestMessage Upload(string path, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        return request;
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path, string? json = null) => AdminApi.Request(method, path, json);
}
