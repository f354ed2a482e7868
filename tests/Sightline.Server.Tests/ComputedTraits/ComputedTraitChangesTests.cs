using System.Text.Json;

namespace Sightline.Server.Tests.ComputedTraits;

/// <summary>A computed trait whose definition is new or changed is rebuilt from the stored events when the server starts: no rebuild needed.</summary>
public sealed class ComputedTraitChangesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sightline-computed-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_changed_and_a_new_definition_are_rebuilt_from_the_log_at_start_and_then_kept_up_by_new_events()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "traits.yaml");
        var settings = new Dictionary<string, string?> { ["Sightline:Data"] = Path.Combine(_root, "data"), ["Sightline:ComputedTraits"] = file };
        await File.WriteAllTextAsync(file, """
            traits:
              - name: orders
                aggregation: count
                event: Order Completed
            """);
        await using (var server = await RunningServer.StartAsync(settings))
        {
            var web = await server.AddSourceAsync("web");
            await server.SendAsync(RunningServer.Post("/v1/batch", """
                {"batch":[
                  {"type":"track","userId":"ana","event":"Order Completed","properties":{"total":30},"messageId":"o1"},
                  {"type":"track","userId":"ana","event":"Order Completed","properties":{"total":80},"messageId":"o2"},
                  {"type":"page","userId":"ana","name":"Home","messageId":"p1"},
                  {"type":"track","userId":"luis","event":"Order Completed","properties":{"total":20},"messageId":"o3"}
                ]}
                """, web));
            await server.PipelineCaughtUpAsync();
            (await ComputedAsync(server, "ana")).ShouldBe(new Dictionary<string, string> { ["orders"] = "2" });
        }

        // Orders now count only those over 50; spend is new.
        await File.WriteAllTextAsync(file, """
            traits:
              - name: orders
                aggregation: count
                event: Order Completed
                where:
                  total: { gt: 50 }
              - name: spend
                aggregation: sum
                event: Order Completed
                property: total
            """);
        await using (var server = await RunningServer.StartAsync(settings))
        {
            await server.PipelineCaughtUpAsync();
            (await ComputedAsync(server, "ana")).ShouldBe(new Dictionary<string, string> { ["orders"] = "1", ["spend"] = "110" });
            (await ComputedAsync(server, "luis")).ShouldBe(new Dictionary<string, string> { ["orders"] = "0", ["spend"] = "20" });

            var web = (await server.Service<Core.Storage.ISourceCatalog>().ListAsync(CancellationToken.None)).Single().WriteKey;
            await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"ana","event":"Order Completed","properties":{"total":60},"messageId":"o4"}""", web));
            await server.PipelineCaughtUpAsync();
            (await ComputedAsync(server, "ana")).ShouldBe(new Dictionary<string, string> { ["orders"] = "2", ["spend"] = "170" });
        }

        // Started again with the same definitions, nothing is rebuilt and the states stay as stored.
        await using (var server = await RunningServer.StartAsync(settings))
        {
            await server.PipelineCaughtUpAsync();
            (await ComputedAsync(server, "ana")).ShouldBe(new Dictionary<string, string> { ["orders"] = "2", ["spend"] = "170" });
        }
    }

    private static async Task<Dictionary<string, string>> ComputedAsync(RunningServer server, string user) =>
        (await AdminApi.TraitsAsync(server, $"user_id:{user}"))
            .Where(t => t.TryGetProperty("computed", out var computed) && computed.GetBoolean())
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("value").ValueKind == JsonValueKind.Number ? t.GetProperty("value").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture) : t.GetProperty("value").ToString());
}
