using System.Globalization;

namespace Sightline.Server.Tests.Segments;

/// <summary>Segments that change with time alone are decided again on schedule, with no new event, over a real server.</summary>
public sealed class SegmentRefreshTests
{
    [Fact]
    public async Task A_member_leaves_when_its_event_ages_out_of_the_window_with_no_new_event()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:SegmentRefreshSeconds"] = "1" });
        var web = await server.AddSourceAsync("web");
        (await server.SendAsync(AdminApi.Request(HttpMethod.Post, "/v1/segments", """{"name":"recent buyers","expression":"performed \"Order Completed\" in last 1 days"}"""))).Status.ShouldBe(201);

        // Inside the one-day window for six more seconds.
        var ordered = DateTimeOffset.UtcNow.AddDays(-1).AddSeconds(6).ToString("O", CultureInfo.InvariantCulture);
        (await server.SendAsync(RunningServer.Post("/v1/track", $$"""{"userId":"ana","event":"Order Completed","timestamp":"{{ordered}}"}""", web))).Status.ShouldBe(200);
        await server.PipelineCaughtUpAsync();
        var ana = (await server.SendAsync(AdminApi.Request(HttpMethod.Get, "/v1/profiles/user_id:ana"))).Body.GetProperty("id").GetString();

        await AdminApi.EventuallyAsync(async () => (await ChangesAsync(server)).Count == 2);
        (await ChangesAsync(server)).ShouldBe([(ana, "left"), (ana, "entered")]);
        var (_, segment) = await server.SendAsync(AdminApi.Request(HttpMethod.Get, "/v1/segments/recent%20buyers"));
        segment.GetProperty("size").GetInt32().ShouldBe(0);
    }

    /// <summary>The segment's membership history, newest first.</summary>
    private static async Task<List<(string?, string?)>> ChangesAsync(RunningServer server)
    {
        var (status, body) = await server.SendAsync(AdminApi.Request(HttpMethod.Get, "/v1/segments/recent%20buyers/history"));
        status.ShouldBe(200, body.ToString());
        return [.. body.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("profile").GetString(), e.GetProperty("change").GetString()))];
    }
}
