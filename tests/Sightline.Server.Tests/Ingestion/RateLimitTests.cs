namespace Sightline.Server.Tests.Ingestion;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_past_its_rate_gets_429_with_retry_after_and_other_keys_are_untouched()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Sightline:RateLimit"] = "5" });
        var noisy = await server.AddSourceAsync("noisy");
        var quiet = await server.AddSourceAsync("quiet");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 30; i++)
        {
            answers.Add(await server.Http.SendAsync(RunningServer.Post("/v1/track", $$"""{"userId":"u1","event":"Clicked","messageId":"n{{i}}"}""", noisy)));
        }

        var other = await server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u2","event":"Clicked","messageId":"q1"}""", quiet));

        var refused = answers.Where(a => (int)a.StatusCode == 429).ToList();
        refused.Count.ShouldBeGreaterThan(0);
        answers.Count(a => a.IsSuccessStatusCode).ShouldBeGreaterThanOrEqualTo(5);
        int.Parse(refused[0].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        (await refused[0].Content.ReadAsStringAsync()).ShouldContain("Sightline:RateLimit");
        other.Status.ShouldBe(200);
        var stored = (await server.LogAsync()).Where(e => e.Source == "noisy").Select(e => e.MessageId).ToList();
        stored.Count.ShouldBe(answers.Count(a => a.IsSuccessStatusCode), "a refused request stores nothing");
        answers.ForEach(a => a.Dispose());
    }
}
