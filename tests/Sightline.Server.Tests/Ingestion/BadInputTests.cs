using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sightline.Server.Tests.Ingestion;

/// <summary>Hostile and broken requests get a 400 that says what is wrong, and the server stays up.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private string _key = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        _key = await _server.AddSourceAsync("web");
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever came before, the server still answers and still accepts good data.
        (await _server.Http.GetStringAsync("/healthz")).ShouldBe("Healthy");
        (await _server.SendAsync(RunningServer.Post("/v1/track", """{"userId":"u","event":"still-up"}""", _key))).Status.ShouldBe(200);
        await _server.DisposeAsync();
    }

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "/v1/track", "{\"userId\":\"u\",", "body" },
        { "/v1/track", "not json at all", "body" },
        { "/v1/track", "[{\"userId\":\"u\",\"event\":\"x\"}]", "body" },
        { "/v1/track", "", "body" },
        { "/v1/track", "{\"userId\":[\"u\"],\"event\":\"x\"}", "userId" },
        { "/v1/track", "{\"userId\":\"u\",\"event\":\"x\",\"properties\":\"cheap\"}", "properties" },
        { "/v1/identify", "{\"userId\":\"u\",\"traits\":[]}", "traits" },
        { "/v1/track", "{\"userId\":\"u\",\"event\":\"x\",\"timestamp\":\"31/12/2024\"}", "timestamp" },
        { "/v1/track", "{\"userId\":\"u\",\"event\":\"x\",\"timestamp\":1700000000}", "timestamp" },
        { "/v1/batch", "{\"batch\":\"many\"}", "batch" },
        { "/v1/batch", "{\"batch\":[], \"sentAt\":\"soon\"}", "sentAt" },
        { "/v1/batch", "{\"batch\":[42]}", "message" },
        { "/v1/track", "{\"userId\":\"u\",\"event\":\"x\",\"properties\":{\"a\":" + new string('[', 200) + new string(']', 200) + "}}", "body" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Broken_body_is_400_naming_the_field(string path, string body, string field)
    {
        var (status, problem) = await _server.SendAsync(RunningServer.Post(path, body, _key));

        status.ShouldBe(400);
        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("field").GetString().ShouldBe(field);
        error.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("detail").GetString()!.ShouldContain(field);
        problem.GetProperty("accepted").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        using var request = RunningServer.Post("/v1/track", "", _key);
        request.Content = new ByteArrayContent([.. "{\"userId\":\"u"u8, 0xFF, 0xFE, .. "\",\"event\":\"x\"}"u8]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var (status, problem) = await _server.SendAsync(request);

        status.ShouldBe(400);
        problem.GetProperty("detail").GetString()!.ShouldContain("UTF-8");
    }

    [Fact]
    public async Task Message_over_32_kb_is_rejected_and_its_neighbours_kept()
    {
        var big = new string('x', 40 * 1024);
        var body = $$$"""{"batch":[{"type":"track","userId":"u","event":"small","messageId":"ok"},{"type":"track","userId":"u","event":"big","messageId":"big","properties":{"blob":"{{{big}}}"}}]}""";

        var (status, problem) = await _server.SendAsync(RunningServer.Post("/v1/batch", body, _key));

        status.ShouldBe(400);
        problem.GetProperty("accepted").GetInt32().ShouldBe(1);
        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        (error.GetProperty("index").GetInt32(), error.GetProperty("messageId").GetString(), error.GetProperty("field").GetString())
            .ShouldBe((1, "big", "message"));
        (await _server.LogAsync()).ShouldHaveSingleItem().MessageId.ShouldBe("ok");
        var quarantined = await _server.Service<Core.Storage.IQuarantine>().ListAsync("web", 5, CancellationToken.None);
        quarantined.ShouldHaveSingleItem().Payload.Length.ShouldBeGreaterThan(40 * 1024);
    }

    [Fact]
    public async Task Request_over_500_kb_is_413_and_nothing_of_it_is_stored()
    {
        var message = $$$"""{"type":"track","userId":"u","event":"e","properties":{"blob":"{{{new string('y', 20 * 1024)}}}"}}""";
        var body = $$$"""{"batch":[{{{string.Join(',', Enumerable.Repeat(message, 30))}}}]}""";

        var (status, problem) = await _server.SendAsync(RunningServer.Post("/v1/batch", body, _key));

        status.ShouldBe(413);
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("body");
        problem.GetProperty("detail").GetString()!.ShouldContain("512000");
        (await _server.LogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rejected_requests_with_a_known_key_are_kept_in_quarantine()
    {
        await _server.SendAsync(RunningServer.Post("/v1/track", "{oops", _key));

        var row = (await _server.Service<Core.Storage.IQuarantine>().ListAsync("web", 5, CancellationToken.None)).ShouldHaveSingleItem();
        row.Index.ShouldBeNull();
        row.Field.ShouldBe("body");
        Encoding.UTF8.GetString(row.Payload).ShouldBe("{oops");
    }

    [Fact]
    public async Task Problem_bodies_are_json()
    {
        using var response = await _server.Http.SendAsync(RunningServer.Post("/v1/track", "{", _key));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe(400);
    }
}
