using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Docs;

/// <summary>The README's "first events" walk-through, run as written: every curl line must succeed.</summary>
public sealed partial class QuickStartTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-quickstart-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempData.Delete(_data);

    [Fact]
    public async Task Readme_quick_start_works_as_written()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(SightlineCli.RepositoryRoot, "README.md"));
        var block = CodeBlock().Matches(readme)[1].Groups["code"].Value;
        block.ShouldContain("./sightline sources add web");
        block.ShouldContain("./sightline serve");

        var writeKey = (await SightlineCli.RunAsync("sources", "add", "web", "--data", _data)).Out.Trim();
        var address = new Uri($"http://127.0.0.1:{SightlineCli.FreePort()}");
        using var server = SightlineCli.Start(null, "serve", "--data", _data, "--urls", address.ToString());
        try
        {
            await SightlineCli.WaitUntilHealthyAsync(address, server);
            var adminKey = await AdminKeyAsync(server);
            using var http = new HttpClient();
            var curls = Curl().Matches(block).ToList();
            curls.Count.ShouldBeGreaterThanOrEqualTo(2);
            foreach (var curl in curls)
            {
                var url = new Uri(curl.Groups["url"].Value.Replace("http://127.0.0.1:5080", address.ToString().TrimEnd('/'), StringComparison.Ordinal));
                var body = curl.Groups["body"].Success ? curl.Groups["body"].Value : null;
                // What the pipeline derives from an event shows up a moment after the event is acknowledged.
                HttpResponseMessage? response = null;
                for (var attempt = 0; attempt < 50 && response is not { IsSuccessStatusCode: true }; attempt++)
                {
                    response?.Dispose();
                    await Task.Delay(attempt == 0 ? 0 : 100);
                    using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url)
                    {
                        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
                    };
                    request.Headers.Authorization = curl.Groups["basic"].Success
                        ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")))
                        : new AuthenticationHeaderValue("Bearer", adminKey);
                    response = await http.SendAsync(request);
                }

                using (response)
                {
                    response!.IsSuccessStatusCode.ShouldBeTrue($"{curl.Value} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }

        (await SightlineCli.RunAsync("export", "events", "--data", _data)).Out.ShouldNotBeNullOrWhiteSpace();
    }

    private static async Task<string> AdminKeyAsync(System.Diagnostics.Process server)
    {
        while (await server.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("Admin API key", StringComparison.Ordinal))
            {
                return line.Split(' ')[^1];
            }
        }

        throw new InvalidOperationException("serve printed no admin key at first start");
    }

    [GeneratedRegex("```bash\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    // curl as the README writes it: -u "$WRITE_KEY:" (Basic) or -H "Authorization: Bearer $ADMIN_KEY", a URL, an optional -d 'BODY'.
    [GeneratedRegex("""curl (?:(?<basic>-u "\$WRITE_KEY:")|-H "Authorization: Bearer \$ADMIN_KEY") (?<url>\S+)(?: -d '(?<body>[^']*)')?""")]
    private static partial Regex Curl();
}
