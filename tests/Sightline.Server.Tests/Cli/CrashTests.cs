using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sightline.Server.Tests.Cli;

/// <summary>kill -9 under load: every acknowledged message must be in the log, exactly once.</summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const string WriteKey = "crash-test-key-1";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-crash-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync() =>
        (await SightlineCli.RunAsync("sources", "add", "web", "--write-key", WriteKey, "--data", _data)).ExitCode.ShouldBe(0);

    public ValueTask DisposeAsync()
    {
        TempData.Delete(_data);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Kill_9_under_load_loses_no_acknowledged_message_and_stores_none_twice()
    {
        var acknowledged = new ConcurrentBag<string>();
        for (var round = 0; round < 3; round++)
        {
            var address = new Uri($"http://127.0.0.1:{SightlineCli.FreePort()}");
            using var server = StartServer(address);
            await SightlineCli.WaitUntilHealthyAsync(address, server);

            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(sender => SendUntilStoppedAsync(address, $"r{round}-s{sender}", acknowledged, stop.Token)).ToArray();
            var before = acknowledged.Count;
            while (acknowledged.Count < before + 5_000)
            {
                await Task.Delay(50);
            }

            server.Kill();
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        var restarted = new Uri($"http://127.0.0.1:{SightlineCli.FreePort()}");
        using (var server = StartServer(restarted))
        {
            await SightlineCli.WaitUntilHealthyAsync(restarted, server);
            using var http = new HttpClient { BaseAddress = restarted };
            (await http.SendAsync(Batch("after-restart", 1))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            server.Kill();
            await server.WaitForExitAsync();
        }

        var export = await SightlineCli.RunAsync("export", "events", "--data", _data);
        export.ExitCode.ShouldBe(0, export.Error);
        var logged = export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("messageId").GetString()!)
            .ToList();
        logged.Count.ShouldBe(logged.Distinct().Count(), "a message was stored twice");
        var missing = acknowledged.Except(logged).ToList();
        missing.ShouldBeEmpty($"{missing.Count} of {acknowledged.Count} acknowledged messages are not in the log");
        logged.ShouldContain("after-restart-0");
    }

    [Fact]
    public async Task Sigterm_under_load_stops_cleanly_with_every_acknowledged_message_stored()
    {
        var acknowledged = new ConcurrentBag<string>();
        var address = new Uri($"http://127.0.0.1:{SightlineCli.FreePort()}");
        using var server = StartServer(address);
        await SightlineCli.WaitUntilHealthyAsync(address, server);
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 8).Select(sender => SendUntilStoppedAsync(address, $"term-s{sender}", acknowledged, stop.Token)).ToArray();
        while (acknowledged.Count < 5_000)
        {
            await Task.Delay(50);
        }

        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await server.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        server.ExitCode.ShouldBe(0);
        var export = await SightlineCli.RunAsync("export", "events", "--data", _data);
        var logged = export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("messageId").GetString()!)
            .ToHashSet();
        acknowledged.Where(id => !logged.Contains(id)).ShouldBeEmpty();
    }

    private System.Diagnostics.Process StartServer(Uri address) => SightlineCli.Start(
        new Dictionary<string, string>
        {
            ["Sightline__AdminKey"] = "crash-test-admin-key-123",
            ["Logging__LogLevel__Default"] = "Warning",
        },
        "serve", "--data", _data, "--urls", address.ToString());

    private static async Task SendUntilStoppedAsync(Uri address, string prefix, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        for (var request = 0; !stop.IsCancellationRequested; request++)
        {
            var id = $"{prefix}-{request}";
            try
            {
                using var response = await http.SendAsync(Batch(id, 50), stop);
                if (response.IsSuccessStatusCode)
                {
                    for (var i = 0; i < 50; i++)
                    {
                        acknowledged.Add($"{id}-{i}");
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
            {
                // The server died mid-request: not acknowledged, so not counted. Wait for the round to end.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private static HttpRequestMessage Batch(string id, int size)
    {
        var messages = Enumerable.Range(0, size).Select(i =>
            $$$"""{"type":"track","userId":"user-{{{i % 7}}}","event":"Order Completed","messageId":"{{{id}}}-{{{i}}}","properties":{"total":{{{i}}}.5}}""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch")
        {
            Content = new StringContent($$"""{"batch":[{{string.Join(',', messages)}}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        return request;
    }
}
