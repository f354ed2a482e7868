using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sightline.Server.Hosting;

/// <summary>
/// Per-key request limits: one runaway client (a tracking script in a loop, a leaked key) must not starve the others.
/// The key is the credential the request carries (Authorization header), or the client address when it has none.
/// </summary>
internal static class RateLimits
{
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var perSecond = context.RequestServices.GetRequiredService<IOptions<SightlineOptions>>().Value.RateLimit;
            var key = context.Request.Headers.Authorization.ToString() is { Length: > 0 } credential
                ? credential
                : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return perSecond <= 0
                ? RateLimitPartition.GetNoLimiter(key)
                : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond,
                    TokensPerPeriod = Math.Max(1, perSecond / 10),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.Response.WriteAsJsonAsync(
                new { error = "too many requests", reason = "this key sent more than Sightline:RateLimit requests per second; retry after the Retry-After seconds" },
                cancellationToken);
        };
    }
}
