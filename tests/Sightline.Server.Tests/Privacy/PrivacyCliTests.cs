using System.Text.Json;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Privacy;

/// <summary>The CLI answers the same requests as the API, on the database directly.</summary>
public sealed class PrivacyCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sightline-privacy-cli-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    [Fact]
    public async Task Access_erase_and_the_request_list_from_the_command_line()
    {
        Directory.CreateDirectory(_root);
        var csv = Path.Combine(_root, "contacts.csv");
        await File.WriteAllTextAsync(csv, """
            Contact ID,First Name,Last Name,Email,Phone Number,Date of Birth,Street Address,City,Postal Code,Country,Company Name,Lifecycle Stage,Email Opt-In,Last Modified Date
            C-1,Ana,Olmedo,ana.olmedo@correo.es,699 11 22 33,14/03/1985,Calle Uno 1,Madrid,28001,ES,,customer,yes,02/11/2026 10:15
            C-2,Luis,Prado,luis.prado@correo.es,699 44 55 66,02/07/1979,Calle Dos 2,Sevilla,41001,ES,,lead,no,15/10/2026 09:00
            """);
        (await SightlineCli.RunAsync("import", csv, "--source", "crm", "--mapping", "preset:crm-contacts", "--data", Data)).ExitCode.ShouldBe(0);
        (await SightlineCli.RunAsync("rebuild", "--data", Data)).ExitCode.ShouldBe(0);

        var report = Path.Combine(_root, "report.json");
        var access = await SightlineCli.RunAsync("privacy", "access", "email:Ana.Olmedo@correo.es", "--out", report, "--reason", "ticket 1", "--data", Data);
        var erase = await SightlineCli.RunAsync("privacy", "erase", "phone:+34699112233", "--reason", "ticket 2", "--data", Data);
        var bad = await SightlineCli.RunAsync("privacy", "erase", "ana", "--data", Data);
        var requests = await SightlineCli.RunAsync("privacy", "requests", "--json", "--data", Data);

        access.ExitCode.ShouldBe(0, access.Error);
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(report)))
        {
            document.RootElement.GetProperty("identities").GetArrayLength().ShouldBe(3);
            document.RootElement.GetProperty("events").GetArrayLength().ShouldBe(1);
        }

        erase.ExitCode.ShouldBe(0, erase.Error);
        erase.Error.ShouldContain("completed");
        bad.ExitCode.ShouldBe(2);
        bad.Error.ShouldContain("identifier:");
        requests.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString())
            .ShouldBe(["erase", "access"]);
        var export = await SightlineCli.RunAsync("export", "profiles", "--data", Data);
        export.Out.ShouldNotContain("olmedo", Case.Insensitive);
        export.Out.ShouldContain("luis.prado");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp directory.
        }
    }
}
