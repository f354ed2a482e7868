using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Privacy;
using Sightline.Server.Access;
using Sightline.Server.Audit;

namespace Sightline.Server.Privacy;

/// <summary>
/// Data-subject requests (access, erasure, rectification, objection) by any identifier, for a privacy officer: each is
/// recorded with its status and completion time, and audited with the profile it touched and the reason given.
/// </summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var privacy = app.MapGroup("/v1/privacy").RequireAuthorization(Policies.Privacy).WithTags("Privacy");
        privacy.MapPost("/requests", SubmitAsync).WithName("submit-privacy-request")
            .WithSummary("Carry out a request: {\"type\": \"access|erase|rectify|object\", \"identifier\": \"phone:+34600123456\", \"reason\": \"…\"}; access answers with the report.");
        privacy.MapGet("/requests", ListAsync).WithName("list-privacy-requests").WithSummary("Requests, newest first, with status and counts (never personal values).");
        privacy.MapGet("/requests/{id:long}", FindAsync).WithName("get-privacy-request");
        privacy.MapGet("/suppressed", SuppressedAsync).WithName("get-suppressed")
            .WithSummary("How many identifiers are suppressed, and how many messages and rows were dropped for carrying one, per source.");
        return app;
    }

    private static async Task<Results<Ok<PrivacyAnswer>, ValidationProblem>> SubmitAsync(
        PrivacyRequestBody body, PrivacyDesk desk, HttpContext http, CancellationToken cancellationToken)
    {
        var answer = await desk.SubmitAsync(body, http.User.Identity?.Name ?? "?", cancellationToken);
        if (answer.Request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [answer.Field!] = [answer.Reason!] });
        }

        AuditTrail.Touched(http, answer.Request.Profile, answer.Request.Reason);
        return TypedResults.Ok(answer);
    }

    private static async Task<Ok<IReadOnlyList<PrivacyRequest>>> ListAsync(IPrivacyStore privacy, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await privacy.ListRequestsAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));

    private static async Task<Results<Ok<PrivacyRequest>, ProblemHttpResult>> FindAsync(long id, IPrivacyStore privacy, CancellationToken cancellationToken) =>
        await privacy.FindRequestAsync(id, cancellationToken) is { } request
            ? TypedResults.Ok(request)
            : TypedResults.Problem($"There is no privacy request {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown privacy request");

    private static async Task<Ok<SuppressionView>> SuppressedAsync(IPrivacyStore privacy, SuppressionList suppression, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SuppressionView(suppression.Count, await privacy.DroppedAsync(cancellationToken)));
}

/// <summary>The suppression list's size (keyed hashes only) and what it dropped, per source.</summary>
public sealed record SuppressionView(int Identifiers, IReadOnlyDictionary<string, long> DroppedBySource);
