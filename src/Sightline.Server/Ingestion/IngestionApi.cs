using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Events;
using Microsoft.AspNetCore.Mvc;

namespace Sightline.Server.Ingestion;

/// <summary>
/// The Segment-compatible tracking API. Every route, long or short form, runs the same path:
/// authenticate the write key, parse and validate, commit to the log, and only then answer.
/// </summary>
public static class IngestionApi
{
    public const string CorsPolicy = "ingestion";

    private static readonly (string Path, MessageType? Type)[] Routes =
    [
        ("identify", MessageType.Identify), ("i", MessageType.Identify),
        ("track", MessageType.Track), ("t", MessageType.Track),
        ("page", MessageType.Page), ("p", MessageType.Page),
        ("screen", MessageType.Screen), ("s", MessageType.Screen),
        ("group", MessageType.Group), ("g", MessageType.Group),
        ("alias", MessageType.Alias), ("a", MessageType.Alias),
        ("batch", null), ("b", null), ("import", null),
    ];

    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").RequireCors(CorsPolicy).WithTags("Ingestion");
        foreach (var (path, type) in Routes)
        {
            v1.MapPost(path, (HttpContext http, [FromServices] IngestionServices services) => IngestAsync(http, type, services))
                .WithName(path.Length == 1 ? $"{path}-short" : path)
                .WithSummary(type is { } t
                    ? $"Send one {MessageTypes.Name(t)} call (Segment tracking spec)."
                    : "Send a batch of calls: {\"batch\":[…], \"context\":…, \"integrations\":…, \"sentAt\":…}.")
                // The body is read as JSON whatever the content type says (RudderStack's SDK says form-urlencoded):
                // listing only some types would answer others 415 before the parser could name what is wrong.
                .Accepts<JsonElement>("application/json", "text/plain", "application/x-www-form-urlencoded", "*/*")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }

        v1.MapGet("/projects/{writeKey}/settings", GetSettingsAsync)
            .WithName("settings")
            .WithSummary("The settings document analytics.js loads before it starts sending.");
        return app;
    }

    private static async Task<Results<Ok<IngestAccepted>, ProblemHttpResult>> IngestAsync(HttpContext http, MessageType? type, IngestionServices services)
    {
        var receivedAt = services.Time.GetUtcNow();
        var cancellationToken = http.RequestAborted;
        var basicKey = WriteKeys.FromBasicAuthorization(http.Request.Headers.Authorization);
        var source = basicKey is null ? null : await services.WriteKeys.FindAsync(basicKey, cancellationToken);
        if (basicKey is not null && source is null)
        {
            return UnknownWriteKey();
        }

        var limit = services.Options.Value.MaxRequestBytes;
        var body = new RentedBody(Math.Min(limit, (int)(http.Request.ContentLength ?? 16 * 1024)) + 1);
        try
        {
            var length = await body.ReadAsync(http.Request.Body, limit + 1, cancellationToken);
            if (length > limit)
            {
                // Only part of it was read, so there is nothing whole to keep in quarantine.
                return TypedResults.Problem(
                    $"field \"body\": the request is more than {limit} bytes (after decompression); the limit is {limit} bytes (Sightline:MaxRequestBytes)",
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request too large",
                    extensions: new Dictionary<string, object?> { ["accepted"] = 0, ["errors"] = new[] { new MessageError(null, null, "body", $"the limit is {limit} bytes") } });
            }

            var parsed = services.Parser.Parse(body.Buffer.AsMemory(0, length), type, receivedAt);
            if (source is null)
            {
                if (parsed.WriteKey is { } bodyKey)
                {
                    source = await services.WriteKeys.FindAsync(bodyKey, cancellationToken);
                    if (source is null)
                    {
                        return UnknownWriteKey();
                    }
                }
                else if (!parsed.RequestRejected)
                {
                    return TypedResults.Problem(
                        "Send the source's write key as the HTTP Basic user name or as \"writeKey\" in the body.",
                        statusCode: StatusCodes.Status401Unauthorized,
                        title: "Missing write key");
                }
            }

            var (accepted, rejected) = (parsed.Accepted, source is null ? [] : parsed.Rejected);
            if (source is not null && services.Suppression.Active)
            {
                // An erased person's messages are answered like any other (the sender learns nothing) and never written.
                accepted = [.. accepted.Where(m => !services.Suppression.Drops(m.Json, source))];
                rejected = [.. rejected.Where(r => !services.Suppression.DropsRaw(r.RawPayload, source))];
                var dropped = parsed.Accepted.Count - accepted.Count + parsed.Rejected.Count - rejected.Count;
                if (dropped > 0)
                {
                    await services.Privacy.CountDroppedAsync(source.Name, dropped, CancellationToken.None);
                }
            }

            try
            {
                // Rejections of an unauthenticated request are not kept: anyone could fill the quarantine.
                await services.Writer.AppendAsync(source?.Id, accepted, rejected, receivedAt, CancellationToken.None);
            }
#pragma warning disable CA1031 // Any storage failure means the same thing to the client: not stored, retry.
            catch (Exception e)
#pragma warning restore CA1031
            {
                services.Logger.LogError(e, "Could not commit {Count} messages to the log", parsed.Accepted.Count);
                return TypedResults.Problem(
                    "The messages could not be committed to the log. Nothing was acknowledged; retry the request.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Log unavailable");
            }

            return parsed.Rejected.Count == 0
                ? TypedResults.Ok(new IngestAccepted(true, parsed.Accepted.Count))
                : Rejected(parsed);
        }
        finally
        {
            body.Return();
        }
    }

    /// <summary>
    /// A request body in a pooled buffer that may grow while it is read. The buffer lives in one place so that
    /// whatever happens during the read (a body over Kestrel's limit, a corrupt gzip stream), the array returned
    /// to the pool is the current one, exactly once: returning a replaced array a second time hands it to two
    /// renters at once, which once showed up as NUL bytes in an unrelated response.
    /// </summary>
    private sealed class RentedBody(int initialSize)
    {
        public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(initialSize);

        /// <summary>Reads the (already decompressed) body, stopping one byte past the limit so oversize is detectable.</summary>
        public async ValueTask<int> ReadAsync(Stream body, int max, CancellationToken cancellationToken)
        {
            var length = 0;
            while (length < max)
            {
                if (length == Buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(max, Buffer.Length * 2));
                    Buffer.AsSpan(0, length).CopyTo(larger);
                    var old = Buffer;
                    Buffer = larger;
                    ArrayPool<byte>.Shared.Return(old);
                }

                var read = await body.ReadAsync(Buffer.AsMemory(length, Math.Min(Buffer.Length, max) - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length;
        }

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }

    private static ProblemHttpResult Rejected(ParsedRequest parsed)
    {
        var errors = parsed.Rejected.Select(r => new MessageError(r.Index, r.MessageId, r.Field, r.Reason)).ToArray();
        var first = errors[0];
        var where = first.Index is { } index ? $"message {index}, " : "";
        var title = parsed.RequestRejected
            ? "The request could not be read"
            : $"{errors.Length} of {errors.Length + parsed.Accepted.Count} messages rejected";
        return TypedResults.Problem(
            $"{where}field \"{first.Field}\": {first.Reason}",
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            extensions: new Dictionary<string, object?>
            {
                ["accepted"] = parsed.Accepted.Count,
                ["errors"] = errors,
            });
    }

    private static ProblemHttpResult UnknownWriteKey() => TypedResults.Problem(
        "No source has this write key. `sightline sources list` shows the keys.",
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unknown write key");

    private static async Task<Results<Ok<object>, ProblemHttpResult>> GetSettingsAsync(string writeKey, HttpContext http, WriteKeys keys)
    {
        if (await keys.FindAsync(writeKey, http.RequestAborted) is null)
        {
            return TypedResults.Problem("No source has this write key.", statusCode: StatusCodes.Status404NotFound, title: "Unknown write key");
        }

        // The shape analytics.js (analytics-next) reads: its Segment.io integration posts to protocol://apiHost.
        object settings = new
        {
            integrations = new Dictionary<string, object>
            {
                ["Segment.io"] = new
                {
                    apiKey = writeKey,
                    apiHost = $"{http.Request.Host}/v1",
                    protocol = http.Request.Scheme,
                    unbundledIntegrations = Array.Empty<string>(),
                    addBundledMetadata = true,
                    maybeBundledConfigIds = new { },
                },
            },
            plan = new
            {
                track = new { __default = new { enabled = true, integrations = new { } } },
                identify = new { __default = new { enabled = true } },
                group = new { __default = new { enabled = true } },
            },
            edgeFunction = new { },
            analyticsNextEnabled = true,
            middlewareSettings = new { },
            enabledMiddleware = new { },
            metrics = new { sampleRate = 0 },
            legacyVideoPluginsEnabled = false,
            remotePlugins = Array.Empty<object>(),
        };
        return TypedResults.Ok(settings);
    }
}
