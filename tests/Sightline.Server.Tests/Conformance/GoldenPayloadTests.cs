using System.Text.Json;

namespace Sightline.Server.Tests.Conformance;

/// <summary>
/// Requests captured from real clients (Fixtures/), posted raw with the client's own path, content type,
/// encoding and authentication: each must be acknowledged and every message stored as the client sent it.
/// </summary>
public sealed class GoldenPayloadTests
{
    // Rewritten by normalization (merged, re-formatted or dropped), so compared separately.
    private static readonly string[] Rewritten = ["type", "messageId", "writeKey", "context", "integrations", "originalTimestamp", "timestamp", "sentAt"];

    [Theory]
    [InlineData("segment-node-batch.json", "@segment/analytics-node", new[] { "identify", "track", "page", "group", "alias", "screen" })]
    [InlineData("rudderstack-node-first.json", "analytics-node", new[] { "identify" })]
    [InlineData("rudderstack-node-batch.json", "analytics-node", new[] { "track", "page", "group", "alias", "screen" })]
    [InlineData("analytics-js-track.txt", "analytics.js", new[] { "track" })]
    public async Task Captured_request_is_acknowledged_and_every_message_stored_as_sent(string fixture, string library, string[] types)
    {
        var golden = GoldenPayload.Load(fixture);
        await using var server = await RunningServer.StartAsync();
        await server.AddSourceAsync("golden", GoldenPayload.WriteKey);

        var (status, response) = await server.SendAsync(golden.ToRequest());

        status.ShouldBe(200, response.ToString());
        response.GetProperty("success").GetBoolean().ShouldBeTrue();
        var log = await server.LogAsync();
        log.Select(e => Core.Events.MessageTypes.Name(e.Type)).ShouldBe(types);
        var batchSentAt = golden.Root.TryGetProperty("sentAt", out var outer) ? outer.GetDateTimeOffset() : (DateTimeOffset?)null;
        foreach (var message in golden.Messages)
        {
            var (stored, json) = ConformanceAssert.StoredAsSent(log, message, library);
            stored.Source.ShouldBe("golden");
            foreach (var field in message.EnumerateObject().Where(f => !Rewritten.Contains(f.Name)))
            {
                json.TryGetProperty(field.Name, out var kept).ShouldBeTrue($"{stored.MessageId} keeps {field.Name}");
                JsonElement.DeepEquals(kept, field.Value).ShouldBeTrue($"{stored.MessageId}.{field.Name}: sent {field.Value}, stored {kept}");
            }

            foreach (var field in message.GetProperty("context").EnumerateObject())
            {
                JsonElement.DeepEquals(json.GetProperty("context").GetProperty(field.Name), field.Value).ShouldBeTrue($"{stored.MessageId}.context.{field.Name}");
            }

            // Segment's clock-skew correction: the client's gap between the event and the send, before our receipt.
            var happened = (message.TryGetProperty("timestamp", out var set) ? set : message.GetProperty("originalTimestamp")).GetDateTimeOffset();
            var sentAt = message.TryGetProperty("sentAt", out var own) ? own.GetDateTimeOffset() : batchSentAt!.Value;
            stored.Timestamp.ShouldBe(stored.ReceivedAt - (sentAt - happened));
        }
    }

    [Theory]
    [InlineData("segment-node-batch.json", "/v1/batch", "application/json", null)]
    [InlineData("rudderstack-node-first.json", "/v1/batch", "application/x-www-form-urlencoded", "gzip")]
    [InlineData("rudderstack-node-batch.json", "/v1/batch", "application/x-www-form-urlencoded", "gzip")]
    [InlineData("analytics-js-track.txt", "/v1/t", "text/plain", null)]
    public void Fixture_records_how_its_client_sends(string fixture, string path, string contentType, string? contentEncoding)
    {
        var golden = GoldenPayload.Load(fixture);

        golden.Method.ShouldBe("POST");
        golden.RequestPath.ShouldBe(path);
        golden.Headers["content-type"].ShouldBe(contentType);
        golden.ContentEncoding.ShouldBe(contentEncoding);
    }

    [Fact]
    public async Task Analytics_js_call_is_refused_when_no_source_has_its_body_write_key()
    {
        var golden = GoldenPayload.Load("analytics-js-track.txt");
        golden.Headers.ShouldNotContainKey("authorization");
        await using var server = await RunningServer.StartAsync();
        await server.AddSourceAsync("other", "another-write-key");

        var (status, _) = await server.SendAsync(golden.ToRequest());

        status.ShouldBe(401);
        (await server.LogAsync()).ShouldBeEmpty();
    }
}
