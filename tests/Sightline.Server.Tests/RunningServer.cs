using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Server.Hosting;

namespace Sightline.Server.Tests;

/// <summary>
/// A real Sightline server on a loopback port with its own SQLite file, for one test.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly WebApplication _app;

    private readonly string? _owned;

    private RunningServer(WebApplication app, string data, Uri address, string? owned)
    {
        _app = app;
        _owned = owned;
        Data = data;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public string Data { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<RunningServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        // The data directory one level down: the key file is created beside it, inside the directory the test deletes.
        var data = Path.Combine(Path.GetTempPath(), "sightline-test-" + Guid.NewGuid().ToString("N"), "data");
        var overrides = new Dictionary<string, string?>
        {
            ["Sightline:Data"] = data,
            ["Sightline:AdminKey"] = AdminKey,
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Sightline.Requests"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = SightlineApp.Build([], overrides);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        // A data directory the test names is the test's to delete; deleting its parent here would reach into /tmp.
        var owned = overrides["Sightline:Data"] == data ? Path.GetDirectoryName(data) : null;
        return new RunningServer(app, overrides["Sightline:Data"]!, new Uri(address), owned);
    }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Registers a source straight in the store and returns its write key.</summary>
    public async Task<string> AddSourceAsync(string name, string? writeKey = null)
    {
        var source = NewSource.Create(name, null, null, writeKey).Source!;
        var added = await Service<ISourceCatalog>().AddAsync(source, CancellationToken.None);
        return added.Source!.WriteKey;
    }

    /// <summary>Every event in the log, in order.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> LogAsync() =>
        await Service<IEventLog>().ReadAsync(0, int.MaxValue, CancellationToken.None);

    /// <summary>Waits until the profile pipeline has processed everything in the log.</summary>
    public async Task PipelineCaughtUpAsync()
    {
        var log = await LogAsync();
        var head = log.Count == 0 ? 0 : log[^1].Sequence;
        var pipeline = Service<Core.Profiles.ProfilePipeline>();
        for (var attempt = 0; pipeline.Processed < head; attempt++)
        {
            if (attempt == 200)
            {
                throw new TimeoutException($"the pipeline is at {pipeline.Processed} of {head} after 10 s");
            }

            await Task.Delay(50);
        }
    }

    public static HttpRequestMessage Post(string path, string body, string? writeKey, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (writeKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        }

        return request;
    }

    /// <summary>A gzip-compressed post, as RudderStack's SDK sends by default.</summary>
    public static HttpRequestMessage PostGzip(string path, string body, string? writeKey, string contentType = "application/json")
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(body));
        }

        var request = Post(path, "", writeKey);
        request.Content = new ByteArrayContent(compressed.ToArray());
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Content.Headers.ContentEncoding.Add("gzip");
        return request;
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (_owned is not null)
            {
                Directory.Delete(_owned, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp directory behind.
        }
    }
}
