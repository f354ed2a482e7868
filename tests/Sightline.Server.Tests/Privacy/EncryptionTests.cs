using System.Net.Http.Headers;
using System.Text;
using Sightline.Core.Privacy;
using Sightline.Core.Storage;
using Sightline.Server.Privacy;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Privacy;

/// <summary>
/// Encryption at rest: a person's values are in no byte of the data directory, yet the API reads them and finds the
/// person by e-mail and phone; a database written in clear keeps working and is encrypted in the background; a rotated
/// key replaces the old one everywhere; a missing or wrong key stops the start with a clear message.
/// </summary>
public sealed class EncryptionTests : IDisposable
{
    // Distinctive values, so a match anywhere in the files can only be this person.
    private static readonly string[] Values =
    [
        "ximena.oy@correo-cifrado.es", "+34677123498", "677 12 34 98", "Ximenaflor", "Oyarzabalde", "Calle Cifrada 7771", "Villacriptana", "28777",
        "1979-11-23", "u-ximenaflor", "anon-ximenaflor",
    ];

    private const string Person = """
        {"batch":[
          {"type":"page","anonymousId":"anon-ximenaflor","name":"Home","timestamp":"2026-11-01T10:00:00Z","messageId":"x1"},
          {"type":"identify","anonymousId":"anon-ximenaflor","userId":"u-ximenaflor","timestamp":"2026-11-01T10:01:00Z","messageId":"x2",
           "traits":{"firstName":"Ximenaflor","lastName":"Oyarzabalde","email":"ximena.oy@correo-cifrado.es","phone":"+34 677 12 34 98",
                     "birthday":"1979-11-23","address":{"street":"Calle Cifrada 7771","city":"Villacriptana","postalCode":"28777"}}},
          {"type":"track","userId":"u-ximenaflor","event":"Order Completed","properties":{"total":42,"shipping":"Calle Cifrada 7771"},"timestamp":"2026-11-01T10:05:00Z","messageId":"x3"},
          {"type":"identify","userId":"u-ximenaflor","traits":{"email":"ximena.oy@correo-cifrado.es","phone":"677 12 34 98"},"timestamp":"yesterday","messageId":"x4"}
        ]}
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sightline-encryption-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task No_personal_value_is_in_clear_on_disk_yet_the_api_reads_them_and_finds_the_person_by_email_and_phone()
    {
        await using var server = await StartAsync();
        await SendPersonAsync(server);
        var (consent, _) = await server.SendAsync(Admin(HttpMethod.Put, "/v1/profiles/user_id:u-ximenaflor/consent", """{"purposes":{"advertising":false},"evidence":"form 8812"}"""));
        consent.ShouldBe(202);
        await server.PipelineCaughtUpAsync();

        var (status, profile) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/email:ximena.oy@correo-cifrado.es"));
        status.ShouldBe(200);
        var (byPhone, samePerson) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/phone:+34677123498"));
        byPhone.ShouldBe(200);
        samePerson.GetProperty("id").GetString().ShouldBe(profile.GetProperty("id").GetString());
        var text = profile.ToString();
        foreach (var value in (string[])["ximena.oy@correo-cifrado.es", "+34677123498", "Ximenaflor", "Oyarzabalde", "Villacriptana", "1979-11-23", "u-ximenaflor"])
        {
            text.ShouldContain(value);
        }

        var (_, history) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/user_id:u-ximenaflor/consent"));
        history.ToString().ShouldContain("form 8812");
        var (_, events) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/user_id:u-ximenaflor/events"));
        events.ToString().ShouldContain("Calle Cifrada 7771");
        var (_, quarantine) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/admin/quarantine"));
        quarantine.ToString().ShouldContain("ximena.oy@correo-cifrado.es");
        var lineage = new List<string>();
        await foreach (var (_, record, _) in server.Service<IProfileStore>().LineageAsync(CancellationToken.None))
        {
            lineage.Add(record);
        }

        lineage.Count.ShouldBe(4, "three messages and the consent change");
        lineage.ShouldBe([.. lineage.Where(r => r is not ("x1" or "x2" or "x3")), "x1", "x2", "x3"], ignoreOrder: true);
        var (_, encryption) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/admin/encryption"));
        encryption.GetProperty("currentKey").GetInt32().ShouldBe(1);
        encryption.GetProperty("values").EnumerateObject().Select(p => p.Name).ShouldBe(["1"]);

        await ShouldHoldNoneAsync(Data);
        File.Exists(KeyFile.DefaultPath(Data)).ShouldBeTrue("the key is kept beside the data directory, not in it");
    }

    [Fact]
    public async Task A_database_written_in_clear_reads_once_encryption_is_on_and_is_encrypted_in_the_background()
    {
        await using (var plain = await StartAsync(("Sightline:Encryption", "false")))
        {
            await SendPersonAsync(plain);
        }

        (await HoldsAsync(Data, "ximena.oy@correo-cifrado.es")).ShouldBeTrue("written in clear, as configured");

        await using var server = await StartAsync();
        var (status, _) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/email:ximena.oy@correo-cifrado.es"));
        status.ShouldBe(200);
        await SettledAsync(server);
        await server.PipelineCaughtUpAsync();

        var (again, profile) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/phone:+34677123498"));
        again.ShouldBe(200);
        profile.ToString().ShouldContain("Villacriptana");
        (await server.LogAsync()).Select(e => Encoding.UTF8.GetString(e.Json.Span)).ShouldContain(json => json.Contains("Calle Cifrada 7771", StringComparison.Ordinal));
        var (_, encryption) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/admin/encryption"));
        encryption.GetProperty("values").EnumerateObject().Select(p => p.Name).ShouldBe(["1"]);
        await ShouldHoldNoneAsync(Data);
    }

    [Fact]
    public async Task A_rotated_key_takes_over_every_value_and_the_old_key_leaves_the_key_file()
    {
        await using (var first = await StartAsync())
        {
            await SendPersonAsync(first);
        }

        var rotate = await SightlineCli.RunAsync("keys", "rotate-encryption", "--data", Data);
        rotate.ExitCode.ShouldBe(0, rotate.Error);
        KeyFile.Load(KeyFile.DefaultPath(Data)).Encryption.Select(k => k.Id).ShouldBe([(byte)1, (byte)2]);

        await using (var rotated = await StartAsync())
        {
            await SettledAsync(rotated);
            rotated.Service<Reencryption>().Reencrypted.ShouldBeGreaterThan(0);
            var (_, encryption) = await rotated.SendAsync(Admin(HttpMethod.Get, "/v1/admin/encryption"));
            encryption.GetProperty("currentKey").GetInt32().ShouldBe(2);
            encryption.GetProperty("values").EnumerateObject().Select(p => p.Name).ShouldBe(["2"]);
        }

        var keys = KeyFile.Load(KeyFile.DefaultPath(Data));
        keys.Encryption.Select(k => k.Id).ShouldBe([(byte)2]);
        keys.CurrentEncryptionKey.ShouldBe((byte)2);
        await using var server = await StartAsync();
        var (status, profile) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/email:ximena.oy@correo-cifrado.es"));
        status.ShouldBe(200);
        profile.ToString().ShouldContain("Oyarzabalde");
        (await server.LogAsync()).Count.ShouldBe(3);
        await ShouldHoldNoneAsync(Data);
    }

    [Fact]
    public async Task A_missing_or_wrong_key_stops_the_start_with_a_clear_message()
    {
        await using (var first = await StartAsync())
        {
            await SendPersonAsync(first);
        }

        var path = KeyFile.DefaultPath(Data);
        var original = KeyFile.Load(path);
        File.Delete(path);
        var lost = await Should.ThrowAsync<InvalidOperationException>(() => StartAsync());
        lost.Message.ShouldContain("Encryption key 1 is not the key");
        lost.Message.ShouldContain("lost");

        var later = original.WithNewEncryptionKey();
        KeyFile.Save(path, later with { Encryption = [later.Encryption[^1]] });
        var missing = await Should.ThrowAsync<InvalidOperationException>(() => StartAsync());
        missing.Message.ShouldContain("encrypted under encryption key 1, which is not configured");

        KeyFile.Save(path, original);
        await using var server = await StartAsync();
        (await server.SendAsync(Admin(HttpMethod.Get, "/v1/profiles/email:ximena.oy@correo-cifrado.es"))).Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_key_from_configuration_encrypts_as_key_0_and_a_malformed_one_is_refused_at_start()
    {
        var configured = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using (var server = await StartAsync(("Sightline:EncryptionKey", configured)))
        {
            await SendPersonAsync(server);
            var (_, encryption) = await server.SendAsync(Admin(HttpMethod.Get, "/v1/admin/encryption"));
            encryption.GetProperty("currentKey").GetInt32().ShouldBe(0);
            encryption.GetProperty("values").EnumerateObject().Select(p => p.Name).ShouldBe(["0"]);
            await ShouldHoldNoneAsync(Data);
        }

        var malformed = await Should.ThrowAsync<Exception>(() => StartAsync(("Sightline:EncryptionKey", "c2hvcnQ=")));
        malformed.Message.ShouldContain("Sightline:EncryptionKey must be 32 bytes in base64");
    }

    private Task<RunningServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?> { ["Sightline:Data"] = Data };
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        return RunningServer.StartAsync(overrides);
    }

    private static async Task SendPersonAsync(RunningServer server)
    {
        var web = await server.AddSourceAsync("web");
        var (sent, _) = await server.SendAsync(RunningServer.Post("/v1/batch", Person, web));
        sent.ShouldBe(400, "the last message has a bad timestamp: quarantined with the person's e-mail and phone in it");
        await server.PipelineCaughtUpAsync();
    }

    private static async Task SettledAsync(RunningServer server)
    {
        var reencryption = server.Service<Reencryption>();
        for (var attempt = 0; reencryption.State != "settled"; attempt++)
        {
            reencryption.State.ShouldNotBe("failed");
            attempt.ShouldBeLessThan(400, "re-encryption did not settle in 20 s");
            await Task.Delay(50);
        }
    }

    private static async Task ShouldHoldNoneAsync(string directory)
    {
        foreach (var value in Values)
        {
            (await HoldsAsync(directory, value)).ShouldBeFalse($"a file in the data directory holds {value} in clear");
        }
    }

    private static async Task<bool> HoldsAsync(string directory, string value)
    {
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                // SQLite deletes a -wal or -journal file when its last connection closes, which may fall between the
                // listing and the read: a file that is gone holds nothing.
                continue;
            }

            if (Encoding.UTF8.GetString(bytes).Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
