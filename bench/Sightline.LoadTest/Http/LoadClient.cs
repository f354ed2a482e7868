using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Sightline.LoadTest.Http;

/// <summary>The HTTP client every load of the tool sends with: long-lived connections, nothing between it and the server.</summary>
internal static class LoadClient
{
    /// <summary>A client for <paramref name="address"/> that sends <paramref name="writeKey"/> as the Basic user name; the caller disposes it.</summary>
    public static HttpClient Create(Uri address, string writeKey, int maxConnections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
        };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = address, Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = Basic(writeKey);
        return http;
    }

    /// <summary>HTTP Basic with the write key as the user name and no password, as Segment's SDKs send it.</summary>
    public static AuthenticationHeaderValue Basic(string writeKey) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
}
