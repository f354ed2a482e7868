namespace Sightline.Server.Tests.Conformance;

/// <summary>
/// Other vendors' real npm SDKs (tests/conformance) sending to a real Sightline over loopback HTTP:
/// each SDK must get every call type through exactly as it sends them in production.
/// </summary>
public sealed class NpmSdkConformanceTests
{
    private static readonly string[] EveryCallType = ["identify", "track", "page", "group", "alias", "screen"];

    [Theory]
    [InlineData("segment.mjs", "@segment/analytics-node")]
    [InlineData("rudderstack.mjs", "analytics-node")]
    public async Task Sdk_delivers_every_call_type_and_each_is_stored_once_as_sent(string script, string library)
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("sdk");
        var started = DateTimeOffset.UtcNow;

        var run = await NodeScript.RunAsync(script, server.Address, key);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Library.ShouldBe(library);
        var sent = run.Sent;
        sent.Select(m => m.GetProperty("type").GetString()).ShouldBe(EveryCallType, ignoreOrder: true);
        var log = await server.LogAsync();
        log.Count.ShouldBe(sent.Count);
        foreach (var message in sent)
        {
            var (stored, _) = ConformanceAssert.StoredAsSent(log, message, library);
            stored.Source.ShouldBe("sdk");
            stored.ReceivedAt.ShouldBeInRange(started.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            if (message.TryGetProperty("timestamp", out var historical))
            {
                // An import of a past event: the time the caller gave, give or take the send delay.
                (stored.Timestamp - historical.GetDateTimeOffset()).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
            }
            else
            {
                // Made just now on this machine's clock, so skew correction lands at most a moment before receipt.
                stored.Timestamp.ShouldBeInRange(stored.ReceivedAt.AddMinutes(-1), stored.ReceivedAt);
            }
        }
    }

    [Theory]
    [InlineData("segment.mjs")]
    [InlineData("rudderstack.mjs")]
    public async Task Sdk_sending_the_same_message_ids_again_is_acknowledged_and_stored_once(string script)
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("sdk");

        var first = await NodeScript.RunAsync(script, server.Address, key);
        first.ExitCode.ShouldBe(0, first.ToString());
        var afterFirst = await server.LogAsync();
        var again = await NodeScript.RunAsync(script, server.Address, key);

        // The second run only succeeds if every duplicate was acknowledged: both SDKs fail on a 4xx.
        again.ExitCode.ShouldBe(0, again.ToString());
        var sentIds = again.Sent.Select(m => m.GetProperty("messageId").GetString()).ToList();
        sentIds.ShouldBe(first.Sent.Select(m => m.GetProperty("messageId").GetString()).ToList());
        var log = await server.LogAsync();
        log.Select(e => e.MessageId).ShouldBe(sentIds, ignoreOrder: true);
        log.Select(e => (e.Sequence, e.MessageId, e.ReceivedAt)).ShouldBe(afterFirst.Select(e => (e.Sequence, e.MessageId, e.ReceivedAt)));
    }
}
