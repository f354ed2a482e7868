using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sightline.Server.Tests;

/// <summary>Requests with the test server's admin key, and waiting for what the pipeline does in the background.</summary>
public static class AdminApi
{
    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.AdminKey);
        return request;
    }

    /// <summary>A profile's traits as <c>/v1/profiles/{profile}/traits</c> lists them: stored ones, then computed ones.</summary>
    public static async Task<List<JsonElement>> TraitsAsync(RunningServer server, string profile)
    {
        var (status, traits) = await server.SendAsync(Request(HttpMethod.Get, $"/v1/profiles/{profile}/traits"));
        status.ShouldBe(200, traits.ToString());
        return [.. traits.EnumerateArray()];
    }

    /// <summary>The value of one of a profile's traits, or null when it has none of that name.</summary>
    public static async Task<JsonElement?> TraitValueAsync(RunningServer server, string profile, string trait) =>
        (await TraitsAsync(server, profile)).FirstOrDefault(t => t.GetProperty("name").GetString() == trait) is { ValueKind: JsonValueKind.Object } found
            ? found.GetProperty("value")
            : null;

    /// <summary>Waits up to 10 s for <paramref name="condition"/> to hold.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; !await condition(); attempt++)
        {
            if (attempt == 200)
            {
                throw new TimeoutException("the condition did not hold within 10 s");
            }

            await Task.Delay(50);
        }
    }
}
