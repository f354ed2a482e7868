using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Sightline.Server.Tests.Hosting;

/// <summary>
/// Request size, JSON depth and time limits over real HTTP (docs/privacy.md#abuse-limits): each refusal is JSON naming
/// the body, and a slow client is cut off. The limits are set low here so the tests stay fast.
/// </summary>
public sealed class AbuseLimitsTests
{
    private static Task<RunningServer> StartAsync(string key, string value) =>
        RunningServer.StartAsync(new Dictionary<string, string?> { [key] = value });

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    [Fact]
    public async Task A_gzip_body_that_inflates_past_the_limit_is_413_with_json_naming_the_body()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        var inflated = $$$"""{"userId":"u","event":"x","properties":{"pad":"{{{new string('z', 600 * 1024)}}}"}}""";
        using var request = RunningServer.PostGzip("/v1/track", inflated, key);

        request.Content!.Headers.ContentLength.ShouldNotBeNull().ShouldBeLessThan(10_000);
        var (status, problem) = await server.SendAsync(request);

        status.ShouldBe(413);
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("body");
        (await server.LogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Bodies_refused_while_their_buffer_grew_leave_later_requests_intact()
    {
        // The refusal comes from inside the read, after the pooled buffer was swapped for a larger one; returning the
        // replaced array a second time once handed one array to two requests (wrong statuses, NULs in responses).
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        var inflated = $$$"""{"userId":"u","event":"x","properties":{"pad":"{{{new string('z', 600 * 1024)}}}"}}""";

        for (var round = 0; round < 20; round++)
        {
            using var oversize = RunningServer.PostGzip("/v1/track", inflated, key);
            using var fits = RunningServer.Post("/v1/track", $$"""{"userId":"u{{round}}","event":"Fits"}""", key);
            (await server.SendAsync(oversize)).Status.ShouldBe(413, $"round {round}");
            (await server.SendAsync(fits)).Status.ShouldBe(200, $"round {round}");
        }

        (await server.LogAsync()).Count.ShouldBe(20);
    }

    [Fact]
    public async Task A_body_that_is_not_the_gzip_it_claims_is_400_not_500()
    {
        await using var server = await RunningServer.StartAsync();
        var key = await server.AddSourceAsync("web");
        using var request = RunningServer.Post("/v1/track", """{"userId":"u","event":"x"}""", key);
        request.Content!.Headers.ContentEncoding.Add("gzip");

        var (status, problem) = await server.SendAsync(request);

        status.ShouldBe(400);
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("body");
    }

    [Fact]
    public async Task An_import_over_its_own_limit_is_413_while_larger_than_ingestion_bodies_is_fine()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sightline:MaxRequestBytes"] = "2048",
            ["Sightline:MaxImportBytes"] = "20000",
        });
        var header = "Contact ID,Last Modified Date,Email,Phone Number,First Name,Last Name,Date of Birth,Street Address,City,Postal Code,Country,Company Name,Lifecycle Stage,Email Opt-In\n";
        var row = string.Concat(Enumerable.Range(0, 100).Select(i => $"c{i},2024-06-01,ana{i}@shop.es,,Ana,Gómez,,,,,,,,\n"));

        var fits = await server.SendAsync(Upload(header + row));
        var tooLarge = await server.SendAsync(Upload(header + string.Concat(Enumerable.Repeat(row, 10))));

        fits.Status.ShouldBe(200, fits.Body.ToString());
        tooLarge.Status.ShouldBe(413);
        tooLarge.Body.GetProperty("errors")[0].GetProperty("reason").GetString()!.ShouldContain("20000");

        static HttpRequestMessage Upload(string csv)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/import/crm?mapping=preset:crm-contacts") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
            return request;
        }
    }

    [Fact]
    public async Task Json_deeper_than_the_limit_is_400_on_ingestion_consent_and_admin_endpoints()
    {
        await using var server = await StartAsync("Sightline:MaxJsonDepth", "10");
        var key = await server.AddSourceAsync("web");

        var shallow = await server.SendAsync(RunningServer.Post("/v1/track", $$"""{"userId":"u","event":"x","properties":{{Deep(5)}}}""", key));
        var ingestion = await server.SendAsync(RunningServer.Post("/v1/track", $$"""{"userId":"u","event":"x","properties":{{Deep(12)}}}""", key));
        var consent = await server.SendAsync(Admin(HttpMethod.Put, "/v1/profiles/user_id:u/consent", $$"""{"purposes":{"analytics":true},"evidence":"x","x":{{Deep(12)}}}"""));
        var retry = await server.SendAsync(Admin(HttpMethod.Post, "/v1/admin/quarantine/retry", $$"""{"ids":[1],"mapping":{{Deep(12)}}}"""));

        shallow.Status.ShouldBe(200);
        ingestion.Status.ShouldBe(400);
        ingestion.Body.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("body");
        ingestion.Body.GetProperty("detail").GetString()!.ShouldContain("depth");
        consent.Status.ShouldBe(400);
        retry.Status.ShouldBe(400);
    }

    [Fact]
    public async Task A_client_sending_its_headers_slowly_is_disconnected()
    {
        await using var server = await StartAsync("Sightline:RequestHeadersTimeoutSeconds", "1");
        using var client = new TcpClient();
        await client.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = client.GetStream();
        var started = Stopwatch.GetTimestamp();

        await stream.WriteAsync("POST /v1/track HTTP/1.1\r\nHost: sightline\r\n"u8.ToArray());
        var closed = false;
        for (var i = 0; i < 40 && !closed; i++)
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"X-Slow-{i}: a\r\n"));
                await Task.Delay(250);
                closed = client.Client.Poll(0, SelectMode.SelectRead) && (client.Available == 0 || await ReadAllAsync(stream) is not null);
            }
            catch (IOException)
            {
                closed = true;
            }
        }

        closed.ShouldBeTrue();
        Stopwatch.GetElapsedTime(started).TotalSeconds.ShouldBeLessThan(5);
    }

    [Fact]
    public async Task A_body_trickled_past_the_request_timeout_is_408_with_json()
    {
        await using var server = await StartAsync("Sightline:RequestTimeoutSeconds", "1");
        var key = await server.AddSourceAsync("web");
        using var client = new TcpClient();
        await client.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = client.GetStream();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":"));
        var started = Stopwatch.GetTimestamp();

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /v1/track HTTP/1.1\r\nHost: sightline\r\nAuthorization: Basic {basic}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"));
        string? response = null;
        for (var i = 0; i < 40 && response is null; i++)
        {
            await stream.WriteAsync("{"u8.ToArray());
            await Task.Delay(250);
            if (client.Available > 0)
            {
                response = await ReadAllAsync(stream);
            }
        }

        response.ShouldNotBeNull();
        response.ShouldStartWith("HTTP/1.1 408");
        response.ShouldContain("application/problem+json");
        response.ShouldContain("\"errors\":[{\"field\":\"body\"");
        Stopwatch.GetElapsedTime(started).TotalSeconds.ShouldBeLessThan(5);
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path, string json)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        return request;
    }

    /// <summary>What the server sent before closing or pausing; null when it closed without a word.</summary>
    private static async Task<string?> ReadAllAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var text = new StringBuilder();
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, quiet.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (!stream.DataAvailable)
                {
                    await Task.Delay(50);
                    if (!stream.DataAvailable)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
