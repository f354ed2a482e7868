using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Core.Tests.Fuzz;

namespace Sightline.Server.Tests.Fuzz;

/// <summary>
/// Sends a generated body to a running server as a client would (Basic auth or the key in the body, any content type,
/// gzip or a body that only claims to be) and checks the answer: never a 5xx, and every refusal JSON naming a field.
/// </summary>
public static class IngestionOverHttp
{
    public const string WriteKey = "fuzz-write-key";

    public static async Task<(int Status, string? Failure)> SendAsync(HttpClient http, HostileBody input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, input.Path);
        var body = input.Body;
        // Mostly real gzip; now and then a body that says gzip and is not.
        if (input.Gzip && body.Length % 4 != 0)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body);
            }

            body = compressed.ToArray();
        }

        request.Content = new ByteArrayContent(body);
        if (input.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed))
        {
            request.Content.Headers.ContentType = parsed;
        }

        if (input.Gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        if (input.Body.Length % 3 != 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        }

        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        return (status, Check(status, text));
    }

    private static string? Check(int status, string text)
    {
        if (status >= 500)
        {
            return $"answered {status}: {text}";
        }

        if (status is not (200 or 400 or 401 or 413))
        {
            return $"answered {status}, which no ingestion request should get: {text}";
        }

        JsonElement answer;
        try
        {
            answer = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"answered {status} without a JSON body: {text}";
        }

        if (status is 400 or 413 && !NamesAField(answer))
        {
            return $"answered {status} without naming the field at fault: {text}";
        }

        return null;
    }

    private static bool NamesAField(JsonElement answer) =>
        answer.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
        && errors.EnumerateArray().All(e => e.TryGetProperty("field", out var field) && field.GetString() is { Length: > 0 });
}
