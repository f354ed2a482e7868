using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sightline.Server.Tests.Cli;

public sealed class ResolveTests : IDisposable
{
    private static readonly string[] Given = ["Ana", "Lucía", "Carmen", "Javier", "Manuel", "Pilar", "Sergio", "Elena", "Pablo", "Marta", "Olivia", "Jack", "Emily", "Harry", "Sophie", "George"];
    private static readonly string[] Surnames = ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Romero", "Navarro", "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker"];
    private static readonly string[] Cities = ["Madrid", "Sevilla", "Valencia", "Bilbao", "Leeds", "Bristol", "Málaga", "York"];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-resolve-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempData.Delete(_data);

    [Fact]
    public async Task Resolve_with_too_few_profiles_keeps_the_model_and_says_why()
    {
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data }))
        {
            await server.SendAsync(RunningServer.Post("/v1/identify", """{"userId":"u1","traits":{"firstName":"Ana","lastName":"Ruiz"}}""", await server.AddSourceAsync("web")));
            await server.PipelineCaughtUpAsync();
        }

        var resolve = await SightlineCli.RunAsync("resolve", "--data", _data);

        resolve.ExitCode.ShouldBe(0, resolve.Error);
        resolve.Error.ShouldContain("1 records have person data; estimating a model needs at least 1,000");
    }

    [Fact]
    public async Task Resolve_estimates_the_model_from_the_data_merges_duplicates_and_a_rebuild_keeps_the_result()
    {
        // 1,200 customers from a CRM, then 100 of them again from a shop's till with a variation and no shared identifier.
        var random = new Random(11);
        var people = Enumerable.Range(0, 1_200).Select(i => (
            Id: i,
            Given: Given[random.Next(Given.Length)],
            Surname: Surnames[random.Next(Surnames.Length)] + " " + Surnames[random.Next(Surnames.Length)],
            Born: new DateOnly(1940, 1, 1).AddDays(random.Next(60 * 365)),
            City: Cities[random.Next(Cities.Length)],
            Postcode: random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture))).ToList();
        await using (var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:Data"] = _data }))
        {
            var crm = await server.AddSourceAsync("crm");
            var till = await server.AddSourceAsync("till");
            foreach (var chunk in people.Chunk(200))
            {
                await SendBatchAsync(server, crm, chunk.Select(p => Identify($"crm-{p.Id}", new
                {
                    firstName = p.Given, lastName = p.Surname, birthday = p.Born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), city = p.City, postalCode = p.Postcode,
                })));
            }

            // The till writes one surname only, the date day first, the city in capitals.
            await SendBatchAsync(server, till, people.Take(100).Select(p => Identify($"till-{p.Id}", new
            {
                name = $"{p.Given} {p.Surname.Split(' ')[0]}", birthday = p.Born.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), city = p.City.ToUpperInvariant(), postalCode = p.Postcode,
            })));
            await server.PipelineCaughtUpAsync();
        }

        var resolve = await SightlineCli.RunAsync("resolve", "--data", _data);

        resolve.ExitCode.ShouldBe(0, resolve.Error);
        resolve.Error.ShouldContain("Estimated the match model from 1,300 records");
        resolve.Error.ShouldContain("Rebuilt from 1300 logged events");
        var lineage = await LineageAsync();
        var joined = people.Take(100).Count(p => lineage[$"till-{p.Id}"] == lineage[$"crm-{p.Id}"]);
        joined.ShouldBeGreaterThanOrEqualTo(95, $"till records of CRM customers join them; {resolve.Error}");
        lineage.Values.Distinct().Count().ShouldBeGreaterThanOrEqualTo(1_200 - (100 - joined), "strangers stay apart");
        var rebuild = await SightlineCli.RunAsync("rebuild", "--data", _data);
        rebuild.ExitCode.ShouldBe(0, rebuild.Error);
        (await LineageAsync()).ShouldBe(lineage, "the stored model makes a rebuild match as the resolve did");
    }

    private static string Identify(string id, object traits) =>
        JsonSerializer.Serialize(new { type = "identify", anonymousId = id, messageId = id, traits });

    private static async Task SendBatchAsync(RunningServer server, string writeKey, IEnumerable<string> messages)
    {
        var body = new StringBuilder("{\"batch\":[").AppendJoin(',', messages).Append("]}").ToString();
        (await server.SendAsync(RunningServer.Post("/v1/batch", body, writeKey))).Status.ShouldBe(200);
    }

    private async Task<Dictionary<string, string>> LineageAsync()
    {
        var export = await SightlineCli.RunAsync("export", "lineage", "--data", _data);
        export.ExitCode.ShouldBe(0, export.Error);
        return export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(l => l.GetProperty("record_id").GetString()!, l => l.GetProperty("profile_id").GetString()!);
    }
}
