using System.IO.Compression;
using System.Text.Json;

namespace Sightline.Server.Tests.Conformance;

/// <summary>
/// One request a real client sent, from Fixtures/: the body exactly as sent (decompressed) and,
/// beside it in <c>&lt;name&gt;.request.json</c>, its method, path and headers.
/// tests/conformance/capture.mjs regenerates the SDK ones.
/// </summary>
internal sealed record GoldenPayload(string FileName, byte[] Body, string Method, string RequestPath, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The write key every captured fixture was sent with.</summary>
    public const string WriteKey = "golden-write-key-0001";

    private static readonly string[] HopByHop = ["connection", "content-length", "host"];

    public static GoldenPayload Load(string file)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var body = File.ReadAllBytes(Path.Combine(directory, file));
        var sidecar = Path.Combine(directory, Path.GetFileNameWithoutExtension(file) + ".request.json");
        var request = JsonDocument.Parse(File.ReadAllBytes(sidecar)).RootElement;
        var headers = request.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        return new GoldenPayload(file, body, request.GetProperty("method").GetString()!, request.GetProperty("path").GetString()!, headers);
    }

    public string? ContentEncoding => Headers.GetValueOrDefault("content-encoding");

    /// <summary>The body as parsed JSON: a batch envelope, or a single call.</summary>
    public JsonElement Root => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The messages in the body: a batch's items, or the body itself for a single call.</summary>
    public IReadOnlyList<JsonElement> Messages =>
        Root.TryGetProperty("batch", out var batch) ? [.. batch.EnumerateArray()] : [Root];

    /// <summary>The request as the client sent it on the wire, compressed again if it was.</summary>
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), RequestPath) { Content = new ByteArrayContent(Wire()) };
        foreach (var (name, value) in Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (name.StartsWith("content-", StringComparison.Ordinal))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
            }
        }

        return request;
    }

    private byte[] Wire()
    {
        if (ContentEncoding is null)
        {
            return Body;
        }

        ContentEncoding.ShouldBe("gzip", $"{FileName} was sent with a content encoding this test does not reproduce");
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Body);
        }

        return compressed.ToArray();
    }
}
