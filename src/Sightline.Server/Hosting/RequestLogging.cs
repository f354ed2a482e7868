using System.Diagnostics;

namespace Sightline.Server.Hosting;

/// <summary>
/// One structured log entry per request (method, route pattern, status, milliseconds) under the category
/// <c>Sightline.Requests</c>, so it can be turned down on its own under heavy load.
/// </summary>
internal static partial class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sightline.Requests");
        return app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                // The route pattern, never the path: /v1/profiles/email:ana@… would print a person's address into the log.
                var path = context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } ? "/" + pattern.TrimStart('/') : "(no route)";
                Log(logger, context.Request.Method, path, context.Response.StatusCode, elapsed);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms")]
    private static partial void Log(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
