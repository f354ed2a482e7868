using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Retention;
using Sightline.Server.Access;

namespace Sightline.Server.Retention;

/// <summary>Retention for a privacy officer: the rules in force, every pass with what it deleted, and a pass on demand.</summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        var retention = app.MapGroup("/v1/privacy/retention").RequireAuthorization(Policies.Privacy).WithTags("Privacy");
        retention.MapGet("", ListAsync).WithName("get-retention")
            .WithSummary("The retention rules in force, the interval, and the passes made, newest first, with counts deleted per source and type.");
        retention.MapPost("", RunAsync).WithName("run-retention")
            .WithSummary("Run a retention pass now (?dryRun=true counts what it would delete, changes nothing and is not recorded).");
        return app;
    }

    private static async Task<Ok<RetentionView>> ListAsync(RetentionPasses passes, IRetentionStore store, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RetentionView(
            passes.Options.Rules, passes.Options.Interval, await store.RunsAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken)));

    private static async Task<Ok<RetentionRun>> RunAsync(RetentionPasses passes, HttpContext http, bool? dryRun, CancellationToken cancellationToken) =>
        TypedResults.Ok(await passes.RunAsync($"api ({http.User.Identity?.Name ?? "?"})", dryRun ?? false, cancellationToken));
}

/// <summary>The rules as configured, the schedule, and the passes made.</summary>
public sealed record RetentionView(IReadOnlyList<RetentionRuleOptions> Rules, string Interval, IReadOnlyList<RetentionRun> Runs);
