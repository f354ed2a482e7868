using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Segments;
using Sightline.Server.Access;

namespace Sightline.Server.Segments;

/// <summary>The segment language over HTTP: checking an expression against what profiles hold.</summary>
public static class SegmentsApi
{
    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder app)
    {
        var segments = app.MapGroup("/v1/segments").RequireAuthorization(Policies.ManageSegments).WithTags("Segments");
        segments.MapPost("/validate", ValidateAsync).WithName("validate-segment")
            .WithSummary("Check an expression ({\"expression\": \"country = \\\"ES\\\" and orders_90d >= 2\"}): diagnostics with line and column, what it reads, its canonical form.");
        return app;
    }

    private static async Task<Results<Ok<SegmentValidation>, ValidationProblem>> ValidateAsync(
        SegmentText body, SegmentCatalogs catalogs, CancellationToken cancellationToken)
    {
        if (body.Expression is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["expression"] = ["is required: the segment's text"] });
        }

        var catalog = await catalogs.CurrentAsync(cancellationToken);
        var result = SegmentValidator.Check(body.Expression, catalog);
        var diagnostics = result.Diagnostics
            .Select(d => new DiagnosticView(d.Severity.ToString().ToLowerInvariant(), d.Line, d.Column, d.Length, d.Message)).ToList();
        if (!result.Succeeded)
        {
            return TypedResults.Ok(new SegmentValidation(false, diagnostics, null, null));
        }

        var reads = SegmentDependencies.Of(result.Expression!, catalog);
        return TypedResults.Ok(new SegmentValidation(
            true, diagnostics, SegmentPrinter.Print(result.Expression!),
            new DependencyView(reads.Traits, reads.ComputedTraits, reads.Events, reads.Segments, reads.ConsentPurposes, reads.IsTimeDependent)));
    }
}

/// <summary>A segment's text.</summary>
public sealed record SegmentText(string? Expression);

/// <summary>Whether the expression is valid, every diagnostic, and for a valid one its canonical text and what it reads.</summary>
public sealed record SegmentValidation(bool Valid, IReadOnlyList<DiagnosticView> Diagnostics, string? Canonical, DependencyView? Reads);

/// <summary>One diagnostic: error or warning, where (1-based line and column, length) and what is wrong.</summary>
public sealed record DiagnosticView(string Severity, int Line, int Column, int Length, string Message);

/// <summary>What a segment reads; <see cref="TimeDependent"/> ones are re-evaluated on schedule as time passes.</summary>
public sealed record DependencyView(
    IReadOnlyList<string> Traits, IReadOnlyList<string> ComputedTraits, IReadOnlyList<string> Events, IReadOnlyList<string> Segments,
    IReadOnlyList<string> ConsentPurposes, bool TimeDependent);
