using System.Net.Http.Headers;
using System.Text;

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
