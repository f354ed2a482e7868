using Sightline.Core.Events;
using Sightline.Core.Tests.Fuzz;

namespace Sightline.Server.Tests.Fuzz;

/// <summary>
/// Hostile bodies over real HTTP (bench/Sightline.Fuzz sends thousands): no 5xx, every 400 and 413 JSON naming a
/// field, and every event stored afterwards one the log's readers can parse.
/// </summary>
public sealed class IngestionFuzzTests
{
    private const int Requests = 300;

    [Fact]
    public async Task Hostile_requests_get_no_5xx_and_leave_only_clean_events_in_the_log()
    {
        await using var server = await RunningServer.StartAsync();
        await server.AddSourceAsync("fuzz", IngestionOverHttp.WriteKey);
        var generator = new HostileBodies(7);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            var input = generator.Next();
            var (status, failure) = await IngestionOverHttp.SendAsync(server.Http, input);
            failure.ShouldBeNull($"request {i} of seed 7 ({input.Path}, {input.ContentType}, {input.Mutations})");
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        statuses.Keys.ShouldBe([200, 400, 401, 413], ignoreOrder: true);
        (await server.Http.GetStringAsync("/healthz")).ShouldBe("Healthy");
        var limits = new IngestionLimits();
        var parser = new MessageParser(limits);
        var log = await server.LogAsync();
        log.Count.ShouldBeGreaterThan(Requests / 10);
        foreach (var logged in log)
        {
            StoredMessageChecks.Logged(parser, logged, limits).ShouldBeNull();
        }
    }
}
