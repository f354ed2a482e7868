using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Sightline.Server.Hosting;

/// <summary>
/// What one client may cost the server besides its request rate (<see cref="RateLimits"/>): how large a body, how deep
/// its JSON, how slowly it may send, and how long a request may run. docs/privacy.md#abuse-limits says why each.
/// </summary>
internal static class AbuseLimits
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SightlineOptions>>((kestrel, options) =>
        {
            var o = options.Value;
            // Every body but an import's (raised on its endpoint) is at most an ingestion request.
            kestrel.Limits.MaxRequestBodySize = o.MaxRequestBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(o.RequestHeadersTimeoutSeconds);
            kestrel.Limits.MinRequestBodyDataRate = o.MinRequestBodyBytesPerSecond > 0
                ? new MinDataRate(o.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5))
                : null;
        });
        services.AddOptions<HttpJsonOptions>().Configure<IOptions<SightlineOptions>>((json, options) => json.SerializerOptions.MaxDepth = options.Value.MaxJsonDepth);
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<SightlineOptions>>((timeouts, options) =>
        {
            if (options.Value.RequestTimeoutSeconds > 0)
            {
                timeouts.DefaultPolicy = new RequestTimeoutPolicy
                {
                    Timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds),
                    TimeoutStatusCode = StatusCodes.Status408RequestTimeout,
                    WriteTimeoutResponse = http => Problem(http, StatusCodes.Status408RequestTimeout, "Request timeout",
                        $"the request took more than {options.Value.RequestTimeoutSeconds} s (Sightline:RequestTimeoutSeconds); nothing was acknowledged",
                        // The request's own token is the one that timed out.
                        CancellationToken.None),
                };
            }
        });
        services.AddExceptionHandler<BadRequests>();
    }

    public static void Use(WebApplication app) => app.UseRequestTimeouts();

    /// <summary>A problem body in the shape of the ingestion API's: the field at fault is the body.</summary>
    public static Task Problem(HttpContext http, int status, string title, string reason, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(
            new BodyProblem(title, status, $"field \"body\": {reason}", [new BodyError("body", reason)]),
            options: null,
            contentType: "application/problem+json",
            cancellationToken: cancellationToken);
    }

    /// <summary>Kestrel's refusals (too large, too slow) and undecodable compressed bodies, as JSON rather than an empty 500.</summary>
    private sealed class BadRequests : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
        {
            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            (int Status, string Title, string Reason)? problem = exception switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request too large",
                    $"is larger than this endpoint's limit of {limit} bytes (Sightline:MaxRequestBytes, Sightline:MaxImportBytes for imports)"),
                BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => (408, "Request timeout",
                    $"arrived too slowly (Sightline:MinRequestBodyBytesPerSecond): {exception.Message}"),
                BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
                InvalidDataException => (400, "The request could not be read", $"does not decompress as its Content-Encoding says: {exception.Message}"),
                _ => null,
            };
            if (problem is not { } p || http.Response.HasStarted)
            {
                return false;
            }

            await Problem(http, p.Status, p.Title, p.Reason, cancellationToken);
            return true;
        }
    }

    private sealed record BodyProblem(string Title, int Status, string Detail, IReadOnlyList<BodyError> Errors);

    private sealed record BodyError(string Field, string Reason);
}
