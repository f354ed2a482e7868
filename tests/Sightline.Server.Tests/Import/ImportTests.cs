using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Import;

/// <summary>The bulk path end to end: the real CLI on the sample exports, then the server resolving what they say.</summary>
public sealed class ImportTests : IDisposable
{
    private static readonly string Samples = Path.Combine(SightlineCli.RepositoryRoot, "samples", "imports");

    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-import-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempData.Delete(_data);

    // Each preset's sample holds good rows and the mistakes real exports have; the counts say which went where.
    [Theory]
    [InlineData("crm-contacts", 10, 9, 1)]
    [InlineData("ecommerce-orders", 7, 5, 2)]
    [InlineData("pos-transactions", 7, 5, 2)]
    [InlineData("loyalty-members", 6, 6, 0)]
    [InlineData("email-activity", 9, 8, 1)]
    [InlineData("support-tickets", 4, 3, 1)]
    [InlineData("survey-responses", 4, 4, 0)]
    [InlineData("product-reviews", 3, 3, 0)]
    [InlineData("social-comments", 3, 2, 1)]
    public async Task Every_preset_imports_its_sample_and_a_second_import_changes_nothing(string preset, int read, int imported, int quarantined)
    {
        var first = await ImportAsync(preset + ".csv", preset.Split('-')[0], "preset:" + preset);
        var second = await ImportAsync(preset + ".csv", preset.Split('-')[0], "preset:" + preset);

        (first.GetProperty("read").GetInt32(), first.GetProperty("imported").GetInt32(), first.GetProperty("quarantined").GetInt32())
            .ShouldBe((read, imported, quarantined));
        (second.GetProperty("imported").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32())
            .ShouldBe((0, 0, imported));
        var events = await SightlineCli.RunAsync("export", "events", "--data", _data);
        events.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(imported);
        Lines((await SightlineCli.RunAsync("quarantine", "list", "--json", "--data", _data)).Out).Count.ShouldBe(quarantined, "a bad row imported twice waits once");
    }

    [Fact]
    public async Task Quarantined_rows_say_file_line_column_and_reason()
    {
        await ImportAsync("ecommerce-orders.csv", "shop", "preset:ecommerce-orders");

        var list = await SightlineCli.RunAsync("quarantine", "list", "--json", "--data", _data);

        var rows = Lines(list.Out).OrderBy(r => r.GetProperty("line").GetInt64()).ToList();
        rows.Select(r => (r.GetProperty("file").GetString(), r.GetProperty("line").GetInt64(), r.GetProperty("field").GetString())).ShouldBe(
            [("ecommerce-orders.csv", 6L, "Created At"), ("ecommerce-orders.csv", 7L, "Email")]);
        rows[0].GetProperty("reason").GetString().ShouldBe("\"not a date\" matches none of yyyy-MM-dd HH:mm:ss, dd/MM/yyyy HH:mm, ISO 8601");
        rows[1].GetProperty("reason").GetString()!.ShouldStartWith("no identifier: Email, Phone, Customer ID");
        JsonDocument.Parse(rows[0].GetProperty("payload").GetString()!).RootElement.GetProperty("Order ID").GetString().ShouldBe("#5005");
    }

    [Fact]
    public async Task A_fixed_mapping_replays_the_quarantined_rows_of_an_import()
    {
        var summary = await ImportAsync("email-activity.csv", "mailer", "preset:email-activity");
        var importId = summary.GetProperty("importId").GetInt64();
        var fixedMapping = Path.Combine(Directory.CreateDirectory(_data).FullName, "email-fixed.yaml");
        await File.WriteAllTextAsync(fixedMapping, PresetText("email-activity").Replace("bounced: Email Bounced }", "bounced: Email Bounced, forwarded: Email Forwarded }", StringComparison.Ordinal));

        var retry = await SightlineCli.RunAsync("quarantine", "retry", "--import", importId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mapping", fixedMapping, "--json", "--data", _data);

        retry.ExitCode.ShouldBe(0, retry.Error);
        var result = Lines(retry.Out).Single();
        (result.GetProperty("read").GetInt32(), result.GetProperty("imported").GetInt32(), result.GetProperty("quarantined").GetInt32()).ShouldBe((1, 1, 0));
        Lines((await SightlineCli.RunAsync("quarantine", "list", "--json", "--data", _data)).Out).ShouldBeEmpty();
        var events = Lines((await SightlineCli.RunAsync("export", "events", "--data", _data)).Out);
        events.Count(e => e.GetProperty("message").TryGetProperty("event", out var name) && name.GetString() == "Email Forwarded").ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_that_fails_again_keeps_one_entry_with_the_reason_and_discard_removes_it()
    {
        await ImportAsync("survey-responses.csv", "survey", "preset:survey-responses");
        await ImportAsync("social-comments.csv", "social", "preset:social-comments");
        var entry = Lines((await SightlineCli.RunAsync("quarantine", "list", "--json", "--data", _data)).Out).Single();
        var id = entry.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var retry = await SightlineCli.RunAsync("quarantine", "retry", id, "--json", "--data", _data);
        var show = await SightlineCli.RunAsync("quarantine", "show", id, "--data", _data);
        var discard = await SightlineCli.RunAsync("quarantine", "discard", id, "--data", _data);

        Lines(retry.Out).Single().GetProperty("quarantined").GetInt32().ShouldBe(1);
        Lines(show.Out).Single().GetProperty("reason").GetString()!.ShouldStartWith("no identifier: Handle, Email");
        discard.ExitCode.ShouldBe(0, discard.Error);
        Lines((await SightlineCli.RunAsync("quarantine", "list", "--json", "--data", _data)).Out).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_updated_row_becomes_a_new_version_and_lineage_keeps_the_record_id()
    {
        await ImportAsync("crm-contacts.csv", "crm", "preset:crm-contacts");
        var changed = Path.Combine(_data, "crm-changed.csv");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(Path.Combine(Samples, "crm-contacts.csv"))).Replace("Calle Mayor 12,Madrid,28013", "Calle Mayor 14,Madrid,28013", StringComparison.Ordinal));

        var second = await ImportAsync(changed, "crm", "preset:crm-contacts");

        (second.GetProperty("imported").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()).ShouldBe((0, 1, 8));
        var events = Lines((await SightlineCli.RunAsync("export", "events", "--data", _data)).Out);
        events.Select(e => e.GetProperty("messageId").GetString()).ShouldContain("C-1001#v2");
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data }))
        {
            await server.PipelineCaughtUpAsync();
            var (status, traits) = await server.SendAsync(Get("/v1/profiles/crm_id:C-1001/traits"));
            status.ShouldBe(200, traits.ToString());
            traits.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "address").GetProperty("value").GetProperty("street").GetString().ShouldBe("Calle Mayor 14");
        }

        var lineage = Lines((await SightlineCli.RunAsync("export", "lineage", "--data", _data)).Out);
        lineage.Count(l => l.GetProperty("record_id").GetString() == "C-1001").ShouldBe(2);
    }

    [Fact]
    public async Task Exports_from_every_silo_end_up_as_one_customer()
    {
        foreach (var preset in new[] { "crm-contacts", "ecommerce-orders", "pos-transactions", "loyalty-members", "email-activity", "support-tickets", "survey-responses" })
        {
            await ImportAsync(preset + ".csv", preset.Split('-')[0], "preset:" + preset);
        }

        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data });
        await server.PipelineCaughtUpAsync();

        // Ana's CRM contact, her web orders (e-mail), her loyalty card (same mobile, name in capitals without
        // accents) and the till tickets on that card, her e-mail clicks, ticket and survey: one profile.
        var (status, identities) = await server.SendAsync(Get("/v1/profiles/email:ana.garcia@gmail.com/identities"));
        status.ShouldBe(200, identities.ToString());
        var ids = identities.EnumerateArray().Select(i => i.GetProperty("type").GetString() + ":" + i.GetProperty("value").GetString()).ToList();
        ids.ShouldContain("crm_id:C-1001");
        ids.ShouldContain("loyalty_card:LC-77001");
        ids.ShouldContain("phone:+34600123456");
        var (_, events) = await server.SendAsync(Get("/v1/profiles/email:ana.garcia@gmail.com/events?limit=100"));
        var names = events.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("message").TryGetProperty("event", out var name) ? name.GetString() : e.GetProperty("type").GetString()).ToList();
        names.ShouldContain("Order Completed");
        names.ShouldContain("Store Purchase");
        names.ShouldContain("Email Link Clicked");
        names.ShouldContain("Support Ticket");
        names.ShouldContain("Survey Answered");
        names.Count(n => n == "Store Purchase").ShouldBe(2);

        // The CRM's opt-in column and the paper form's SMS box are consents with their source.
        var (_, consent) = await server.SendAsync(Get("/v1/profiles/email:ana.garcia@gmail.com/consent"));
        var purposes = consent.GetProperty("purposes");
        (purposes.GetProperty("email_marketing").GetProperty("source").GetString(), purposes.GetProperty("sms_marketing").GetProperty("granted").GetBoolean()).ShouldBe(("crm", true));

        // Rosa is only in the loyalty programme: her own profile, not someone else's.
        var (rosa, _) = await server.SendAsync(Get("/v1/profiles/loyalty_card:LC-77006"));
        rosa.ShouldBe(200);
    }

    [Fact]
    public async Task A_tool_pushes_a_file_over_http_and_later_files_reuse_the_mapping()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data });
        var csv = await File.ReadAllBytesAsync(Path.Combine(Samples, "crm-contacts.csv"));

        var anonymous = await server.SendAsync(Upload("/v1/import/crm?mapping=preset:crm-contacts", csv, key: null));
        var badMapping = await server.SendAsync(Upload("/v1/import/crm?mapping=/etc/passwd", csv, RunningServer.AdminKey));
        var noMapping = await server.SendAsync(Upload("/v1/import/crm", csv, RunningServer.AdminKey));
        var first = await server.SendAsync(Upload("/v1/import/crm?mapping=preset:crm-contacts&file=contacts.csv", csv, RunningServer.AdminKey));
        var again = await server.SendAsync(Upload("/v1/import/crm", csv, RunningServer.AdminKey));
        var wrongFile = await server.SendAsync(Upload("/v1/import/crm", Encoding.UTF8.GetBytes("id,name\n1,Ana\n"), RunningServer.AdminKey));

        anonymous.Status.ShouldBe(401);
        badMapping.Status.ShouldBe(400);
        badMapping.Body.GetProperty("errors").GetProperty("mapping")[0].GetString()!.ShouldContain("preset:NAME");
        noMapping.Status.ShouldBe(400);
        noMapping.Body.GetProperty("errors").GetProperty("mapping")[0].GetString()!.ShouldContain("no earlier import");
        first.Status.ShouldBe(200, first.Body.ToString());
        (first.Body.GetProperty("file").GetString(), first.Body.GetProperty("imported").GetInt32(), first.Body.GetProperty("quarantined").GetInt32()).ShouldBe(("contacts.csv", 9, 1));
        again.Status.ShouldBe(200, again.Body.ToString());
        again.Body.GetProperty("unchanged").GetInt32().ShouldBe(9);
        wrongFile.Status.ShouldBe(400);
        wrongFile.Body.GetProperty("errors").GetProperty("body")[0].GetString()!.ShouldContain("column \"Contact ID\" (record_id) is not in the header; the header has id, name");
        await server.PipelineCaughtUpAsync();
        (await server.SendAsync(Get("/v1/profiles/crm_id:C-1002"))).Status.ShouldBe(200);
    }

    [Fact]
    public async Task The_admin_api_lists_retries_with_an_inline_mapping_and_discards()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data });
        var upload = await server.SendAsync(Upload("/v1/import/mailer?mapping=preset:email-activity&file=activity.csv", await File.ReadAllBytesAsync(Path.Combine(Samples, "email-activity.csv")), RunningServer.AdminKey));
        var importId = upload.Body.GetProperty("importId").GetInt64();
        await server.SendAsync(Upload("/v1/import/survey?mapping=preset:social-comments&file=social.csv", await File.ReadAllBytesAsync(Path.Combine(Samples, "social-comments.csv")), RunningServer.AdminKey));

        var (listStatus, list) = await server.SendAsync(Get($"/v1/admin/quarantine?import={importId}"));
        var entry = list.EnumerateArray().Single();
        var (showStatus, shown) = await server.SendAsync(Get($"/v1/admin/quarantine/{entry.GetProperty("id").GetInt64()}"));
        var (missing, _) = await server.SendAsync(Get("/v1/admin/quarantine/999999"));
        var mapping = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "track",
            ["record_id"] = new[] { "Email", "Campaign ID", "Activity", "Timestamp" },
            ["event"] = new Dictionary<string, object> { ["column"] = "Activity" },
            ["timestamp"] = new Dictionary<string, object> { ["column"] = "Timestamp", ["type"] = "datetime" },
            ["identifiers"] = new Dictionary<string, object> { ["email"] = "Email" },
        });
        var (badStatus, bad) = await server.SendAsync(AdminPost("/v1/admin/quarantine/retry", $$$"""{"import": {{{importId}}}, "mapping": {"type": "order"}}"""));
        var (retryStatus, retried) = await server.SendAsync(AdminPost("/v1/admin/quarantine/retry", $$"""{"import": {{importId}}, "mapping": {{mapping}}}"""));
        var others = (await server.SendAsync(Get("/v1/admin/quarantine"))).Body.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();
        var (discardStatus, discarded) = await server.SendAsync(AdminPost("/v1/admin/quarantine/discard", JsonSerializer.Serialize(new { ids = others })));
        var (emptyStatus, _) = await server.SendAsync(AdminPost("/v1/admin/quarantine/discard", "{}"));

        (listStatus, showStatus, missing).ShouldBe((200, 200, 404));
        (entry.GetProperty("file").GetString(), entry.GetProperty("line").GetInt64(), entry.GetProperty("field").GetString()).ShouldBe(("activity.csv", 10L, "Activity"));
        shown.GetProperty("reason").GetString()!.ShouldStartWith("\"forwarded\" is not one of");
        badStatus.ShouldBe(400);
        bad.GetProperty("errors").GetProperty("mapping")[0].GetString()!.ShouldContain("type: \"order\" is not identify or track");
        retryStatus.ShouldBe(200, retried.ToString());
        (retried[0].GetProperty("read").GetInt32(), retried[0].GetProperty("imported").GetInt32()).ShouldBe((1, 1));
        others.Length.ShouldBe(1, "only the social row without an identifier is left");
        (discardStatus, discarded.GetProperty("discarded").GetInt32(), emptyStatus).ShouldBe((200, 1, 400));
        (await server.SendAsync(Get("/v1/admin/quarantine"))).Body.GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("type: identify\nidentifiers: { email: Email }\n", "record_id: is required")]
    [InlineData("record_id: id\ntype: order\nidentifiers: { email: Email }\n", "type: \"order\" is not identify or track")]
    [InlineData("record_id: id\nidentifiers: { email: { column: Email, type: mail } }\n", "identifiers.email.type: \"mail\" is not one of text, email")]
    [InlineData("record_id: id\nidentifiers: { email: Email }\ndefaults: { time_zone: Mars/Olympus }\n", "defaults.time_zone: \"Mars/Olympus\" is not a time zone")]
    [InlineData("record_id: id\nidentifiers: { email: Email }\nfoo: 1\n", "foo")]
    [InlineData("record_id: [id\n", "line ")]
    public async Task A_broken_mapping_is_refused_with_the_key_and_the_reason(string mapping, string expected)
    {
        var file = Path.Combine(Directory.CreateDirectory(_data).FullName, "mapping.yaml");
        await File.WriteAllTextAsync(file, mapping);

        var result = await SightlineCli.RunAsync("import", Path.Combine(Samples, "crm-contacts.csv"), "--source", "crm", "--mapping", file, "--data", _data);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--mapping: " + file);
        result.Error.ShouldContain(expected);
    }

    [Fact]
    public async Task Json_lines_and_broken_csv_rows_import_around_the_bad_ones()
    {
        Directory.CreateDirectory(_data);
        var jsonl = Path.Combine(_data, "contacts.jsonl");
        await File.WriteAllTextAsync(jsonl, """
            {"id": "J-1", "email": "ana@gmail.com", "address": {"city": "Madrid"}}
            {"id": "J-2", "email": "luis@gmail.com"
            {"id": "J-3", "email": "eva@gmail.com", "address": {"city": "León"}}
            """);
        var mapping = Path.Combine(_data, "contacts.yaml");
        await File.WriteAllTextAsync(mapping, "record_id: id\nidentifiers: { email: email }\ntraits: { address.city: address.city }\n");
        var csv = Path.Combine(_data, "semicolons.csv");
        await File.WriteAllTextAsync(csv, "\uFEFFid;email;city\nS-1;a@gmail.com;\"Madrid; centro\"\nS-2;b@gmail.com;Bilbao;extra\nS-3;c@gmail.com;Vigo\n");

        var fromJson = await ImportAsync(jsonl, "app", mapping);
        var fromCsv = await ImportAsync(csv, "till", mapping.Replace("contacts.yaml", "csv.yaml", StringComparison.Ordinal), "record_id: id\nidentifiers: { email: email }\ntraits: { city: city }\n");

        (fromJson.GetProperty("imported").GetInt32(), fromJson.GetProperty("quarantined").GetInt32()).ShouldBe((2, 1));
        (fromCsv.GetProperty("imported").GetInt32(), fromCsv.GetProperty("quarantined").GetInt32()).ShouldBe((2, 1));
        var quarantined = Lines((await SightlineCli.RunAsync("quarantine", "list", "--json", "--data", _data)).Out);
        quarantined.Select(q => (q.GetProperty("file").GetString(), q.GetProperty("line").GetInt64())).OrderBy(q => q.Item1)
            .ShouldBe([("contacts.jsonl", 2L), ("semicolons.csv", 3L)]);
        quarantined.Single(q => q.GetProperty("file").GetString() == "semicolons.csv").GetProperty("reason").GetString()!.ShouldContain("4 fields and the header 3");
        var events = Lines((await SightlineCli.RunAsync("export", "events", "--data", _data)).Out);
        events.Single(e => e.GetProperty("messageId").GetString() == "S-1").GetProperty("message").GetProperty("traits").GetProperty("city").GetString().ShouldBe("Madrid; centro");
        events.Single(e => e.GetProperty("messageId").GetString() == "J-3").GetProperty("message").GetProperty("traits").GetProperty("address").GetProperty("city").GetString().ShouldBe("León");
    }

    private async Task<JsonElement> ImportAsync(string file, string source, string mapping, string? mappingText = null)
    {
        if (mappingText is not null)
        {
            await File.WriteAllTextAsync(mapping, mappingText);
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(Samples, file);
        var result = await SightlineCli.RunAsync("import", path, "--source", source, "--mapping", mapping, "--json", "--data", _data);
        result.ExitCode.ShouldBe(0, result.Error);
        var summary = Lines(result.Out).Single();
        var counts = summary.GetProperty("imported").GetInt32() + summary.GetProperty("updated").GetInt32() + summary.GetProperty("unchanged").GetInt32() + summary.GetProperty("quarantined").GetInt32();
        counts.ShouldBe(summary.GetProperty("read").GetInt32(), "every row read is accounted for");
        return summary;
    }

    private static string PresetText(string name) =>
        File.ReadAllText(Path.Combine(SightlineCli.RepositoryRoot, "src", "Sightline.Core", "Import", "Presets", name + ".yaml"));

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        return request;
    }

    private static HttpRequestMessage AdminPost(string path, string json)
    {
        var request = RunningServer.Post(path, json, writeKey: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        return request;
    }

    private static HttpRequestMessage Upload(string path, byte[] body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }
}
