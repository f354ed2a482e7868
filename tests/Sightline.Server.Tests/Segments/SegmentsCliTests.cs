using System.Text.Json;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Segments;

/// <summary>Segments and audiences from the command line, on the database directly.</summary>
public sealed class SegmentsCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sightline-segments-cli-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    [Fact]
    public async Task Preview_filters_events_by_their_properties()
    {
        // The engine holds events' properties only where a filter reads them: the preview's own filter counts.
        Directory.CreateDirectory(_root);
        var orders = Path.Combine(SightlineCli.RepositoryRoot, "samples", "imports", "ecommerce-orders.csv");
        (await SightlineCli.RunAsync("import", orders, "--source", "shop", "--mapping", "preset:ecommerce-orders", "--data", Data)).ExitCode.ShouldBe(0);

        var preview = await SightlineCli.RunAsync("segments", "preview", "performed \"Order Completed\" where total > 100", "--data", Data);

        preview.ExitCode.ShouldBe(0, preview.Error);
        preview.Out.ShouldStartWith("3 of 5 profiles");
    }

    [Fact]
    public async Task Write_preview_save_and_export_an_audience()
    {
        Directory.CreateDirectory(_root);
        var csv = Path.Combine(_root, "contacts.csv");
        await File.WriteAllTextAsync(csv, """
            Contact ID,First Name,Last Name,Email,Phone Number,Date of Birth,Street Address,City,Postal Code,Country,Company Name,Lifecycle Stage,Email Opt-In,Last Modified Date
            C-1,Ana,Olmedo,ana.olmedo@correo.es,699 11 22 33,14/03/1985,Calle Uno 1,Madrid,28001,ES,,customer,yes,02/11/2026 10:15
            C-2,Luis,Prado,luis.prado@correo.es,699 44 55 66,02/07/1979,Calle Dos 2,Sevilla,41001,ES,,lead,no,15/10/2026 09:00
            C-3,Marie,Dupont,marie.dupont@exemple.fr,+33 6 12 34 56 78,01/01/1990,Rue Un 1,Paris,75001,FR,,customer,yes,15/10/2026 09:00
            """);
        (await SightlineCli.RunAsync("import", csv, "--source", "crm", "--mapping", "preset:crm-contacts", "--data", Data)).ExitCode.ShouldBe(0);

        var typo = await SightlineCli.RunAsync("segments", "create", "customers", "lifecycle_stge = \"customer\"", "--data", Data);
        var preview = await SightlineCli.RunAsync("segments", "preview", "lifecycle_stage = \"customer\"", "--data", Data);
        var created = await SightlineCli.RunAsync("segments", "create", "customers", "lifecycle_stage = \"customer\"", "--description", "Bought from us", "--data", Data);
        var nested = await SightlineCli.RunAsync("segments", "create", "spanish customers", "in segment \"customers\" and address.country = \"ES\"", "--data", Data);
        var refused = await SightlineCli.RunAsync("segments", "delete", "customers", "--data", Data);
        var file = Path.Combine(_root, "audience.csv");
        var exported = await SightlineCli.RunAsync("export", "audience", "customers", "--traits", "email,address.city", "--purpose", "email_marketing", "--out", file, "--data", Data);
        var jsonl = await SightlineCli.RunAsync("export", "audience", "spanish customers", "--format", "jsonl", "--traits", "firstName", "--data", Data);
        var list = await SightlineCli.RunAsync("segments", "list", "--json", "--data", Data);

        typo.ExitCode.ShouldBe(2);
        typo.Error.ShouldContain("expression:1:1: error: unknown trait \"lifecycle_stge\" — did you mean \"lifecycle_stage\"?");
        preview.ExitCode.ShouldBe(0, preview.Error);
        preview.Out.ShouldStartWith("2 of 3 profiles");
        created.ExitCode.ShouldBe(0, created.Error);
        created.Out.ShouldContain("Saved segment \"customers\" (id 1): 2 members.");
        nested.Out.ShouldContain(": 1 members.");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("spanish customers refer to \"customers\"");
        exported.ExitCode.ShouldBe(0, exported.Error);
        exported.Error.ShouldContain("Wrote 2 members of \"customers\"");
        var rows = (await File.ReadAllLinesAsync(file)).Select(l => l.Split(',')).ToList();
        rows[0].ShouldBe(["profile_id", "member_since", "email", "address.city"]);
        rows.Skip(1).Select(r => (r[2], r[3])).ShouldBe([("ana.olmedo@correo.es", "Madrid"), ("marie.dupont@exemple.fr", "Paris")], ignoreOrder: true);
        JsonDocument.Parse(jsonl.Out.Trim()).RootElement.GetProperty("firstName").GetString().ShouldBe("Ana");
        list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(s => (s.GetProperty("name").GetString(), s.GetProperty("size").GetInt32())).ShouldBe([("customers", 2), ("spanish customers", 1)]);
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
